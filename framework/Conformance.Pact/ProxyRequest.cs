using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Conformance.Pact;

/// <summary>
/// The request <see cref="CredentialProxy"/> sends on for one the verifier sent: the same method, request target,
/// headers and body, with the exported credential made the target's (<see cref="CredentialSwap"/>).
/// </summary>
internal static class ProxyRequest
{
    /// <summary>The verifier's body, kept for a request that may be sent twice; null when it has none.</summary>
    public static async Task<byte[]?> BodyAsync(HttpContext context)
    {
        if (!HasBody(context.Request))
        {
            return null;
        }

        using var copy = new MemoryStream();
        await context.Request.Body.CopyToAsync(copy, context.RequestAborted);
        return copy.ToArray();
    }

    /// <param name="body">The body as kept (<see cref="BodyAsync"/>), or null to stream the verifier's.</param>
    /// <param name="swapped">Counts the places the exported credential was replaced in this request.</param>
    public static HttpRequestMessage Build(HttpContext context, string origin, CredentialSwap? swap, byte[]? body, ref int swapped)
    {
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), origin + (swap is null ? rawTarget : swap.Query(rawTarget, ref swapped)));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
        }
        else if (HasBody(context.Request))
        {
            request.Content = new StreamContent(context.Request.Body);
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (!ForwardedHeaders.Skip(name))
            {
                var value = swap is null ? values.ToString() : swap.Header(name, values.ToString(), ref swapped);
                if (!request.Headers.TryAddWithoutValidation(name, value))
                {
                    request.Content?.Headers.TryAddWithoutValidation(name, value);
                }
            }
        }

        return request;
    }

    private static bool HasBody(HttpRequest request) => request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
}
