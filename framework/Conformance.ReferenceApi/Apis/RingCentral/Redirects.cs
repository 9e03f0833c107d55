using Conformance.ReferenceApi.Pipeline;

namespace Conformance.ReferenceApi.Apis.RingCentral;

/// <summary>
/// The retired /restapi/v1/ paths: GET answers 301, POST 307 and PUT/PATCH/DELETE 308, each with Location on
/// the same path under /restapi/v1.0/ (before authentication, as a front door would).
/// </summary>
internal static class Redirects
{
    public static void Map(ApiRoutes routes) => routes.Map(
        "/restapi/v1/{**rest}",
        To("GET", 301),
        To("POST", 307),
        To("PUT", 308),
        To("PATCH", 308),
        To("DELETE", 308));

    private static MethodRoute To(string method, int status) => new(method, call => new Reply(status)
        .WithHeader("Location", call.Link("/restapi/v1.0/" + call.Route("rest")) + call.Http.Request.QueryString))
    {
        Anonymous = true,
    };
}
