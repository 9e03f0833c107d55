using Microsoft.AspNetCore.Http;

namespace Conformance.ReferenceApi.Pipeline;

/// <summary>
/// Runs one request through the checks every pack shares, in a fixed order: method (405 + Allow), credentials
/// (401), Accept (406), a GET body (CallRail 406), the JSON body (415/406/400 by pack), then the handler.
/// </summary>
internal static class Gate
{
    public static async Task<Reply> RunAsync(HttpContext http, ApiRuntime api, IReadOnlyList<MethodRoute> routes)
    {
        var method = http.Request.Method;
        var route = routes.FirstOrDefault(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase));
        if (route is null)
        {
            var allow = string.Join(", ", routes.Where(r => r.Allowed).Select(r => r.Method));
            return api.Fail(new Problem(ProblemKind.MethodNotAllowed, Detail: method)).WithHeader("Allow", allow);
        }

        if (!route.Anonymous && api.Profile.Auth.Check(http.Request) is { } auth)
        {
            return api.Fail(new Problem(auth));
        }

        if (!route.Anonymous && !api.Profile.IgnoresAccept && !JsonBody.AcceptsJson(http.Request))
        {
            return api.Fail(new Problem(ProblemKind.NotAcceptable, Detail: http.Request.Headers.Accept.ToString()));
        }

        if (api.Profile.RejectsGetBody && HttpMethods.IsGet(method) && HasBody(http.Request))
        {
            return api.Fail(new Problem(ProblemKind.ParamsInBody));
        }

        if (!route.ReadsJson)
        {
            return route.Handle(new Call(http, api, null));
        }

        var (body, problem) = await JsonBody.ReadAsync(http.Request);
        return problem is null ? route.Handle(new Call(http, api, body)) : api.Fail(problem);
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0 || request.ContentType is not null;
}
