using Microsoft.AspNetCore.Http;

namespace Conformance.ReferenceApi.Pipeline;

/// <summary>Sends a reply: status, headers, then the JSON or text body (none for 204/304 unless a fault says so).</summary>
internal static class ReplyWriter
{
    private const string Json = "application/json; charset=utf-8";

    public static async Task WriteAsync(HttpContext http, Reply reply, ApiRuntime api)
    {
        if (api.Has(Faults.SlowResponse) && HttpMethods.IsGet(http.Request.Method) && reply.Status is >= 200 and < 300)
        {
            await Task.Delay(api.Options.SlowDelay, api.Time, http.RequestAborted);
        }

        var response = http.Response;
        response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            response.Headers[name] = value;
        }

        var text = reply.Json?.ToJsonString() ?? reply.Text;
        if (text is null)
        {
            return;
        }

        response.ContentType = reply.ContentType ?? Json;
        if (reply.Status is 204 or 304)
        {
            await NoBodyStatus.WriteAnywayAsync(http, text);
            return;
        }

        await response.WriteAsync(text, http.RequestAborted);
    }
}
