using System.Text;
using Microsoft.AspNetCore.Http;

namespace Conformance.ReferenceApi.Pipeline;

/// <summary>
/// Planting a body on 204/304 (body_on_204_304) as far as Kestrel lets it: it refuses body bytes on both and
/// Content-Length on 204, so a 204 carries the body's Content-Type and a 304 also its Content-Length.
/// </summary>
internal static class NoBodyStatus
{
    public static async Task WriteAnywayAsync(HttpContext http, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (http.Response.StatusCode == StatusCodes.Status304NotModified)
        {
            http.Response.ContentLength = bytes.Length;
        }

        try
        {
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
        }
        catch (InvalidOperationException)
        {
            // Kestrel refuses body bytes on 204/304; the body-announcing headers still go out.
        }
    }
}
