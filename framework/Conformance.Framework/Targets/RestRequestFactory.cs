using Conformance.Contracts;
using Conformance.Probing;
using RestSharp;

namespace Conformance.Targets;

/// <summary>Turns a <see cref="ProbeRequest"/> into a RestSharp request, placing the credential as the pack says.</summary>
internal static class RestRequestFactory
{
    public static RestRequest Create(ProbeRequest probe, AuthScheme? auth, CaptureInfo capture)
    {
        // RestSharp parses a string body's type (a parameter or a malformed type threw out of the case) and adds a charset:
        // it gets the bare media type, and the header goes out as the probe names it.
        var type = probe.ContentType ?? "application/json";
        var bare = type.Split(';')[0].Trim();
        var parsable = System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(bare, out _);
        var exact = probe.Body is not null && (type != bare || !parsable || FormEncoding.IsForm(type));
        var rest = new RestRequest(probe.Path.TrimStart('/'), Method(probe.Method))
        {
            Interceptors = exact ? [new CaptureInterceptor(capture), new ExactContentType(type)] : [new CaptureInterceptor(capture)],
        };
        var wire = probe.Placed(auth);
        foreach (var (name, value) in wire.Query)
        {
            rest.AddQueryParameter(name, value, encode: true);
        }

        foreach (var (name, value) in wire.Headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            rest.AddOrUpdateHeader(name, value);
        }

        if (probe.Body is not null)
        {
            rest.AddStringBody(probe.Body, parsable ? bare : "application/octet-stream");
        }

        return rest;
    }

    /// <summary>
    /// Why the first header that cannot be sent cannot (its value, the credential placed, holds a control character other
    /// than a tab, or a character outside ASCII, which .NET's HTTP client refuses), naming the header, never its value; else null.
    /// </summary>
    public static string? Unsendable(ProbeRequest probe, AuthScheme? auth)
    {
        foreach (var (name, value) in probe.Placed(auth).Headers)
        {
            if (value.Any(c => char.IsControl(c) && c != '\t'))
            {
                return $"Header '{name}' holds a line break or another control character, which HTTP does not allow; no request was sent.";
            }

            if (!System.Text.Ascii.IsValid(value))
            {
                return $"Header '{name}' holds a character outside ASCII, which the HTTP client does not send in a header (RFC 9110 5.5); no request was sent.";
            }
        }

        return null;
    }

    /// <summary>The methods the probe client can send.</summary>
    public static IReadOnlyList<string> Methods { get; } = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "MERGE", "COPY", "SEARCH"];

    private static Method Method(string method) => method switch
    {
        "GET" => RestSharp.Method.Get,
        "POST" => RestSharp.Method.Post,
        "PUT" => RestSharp.Method.Put,
        "PATCH" => RestSharp.Method.Patch,
        "DELETE" => RestSharp.Method.Delete,
        "HEAD" => RestSharp.Method.Head,
        "OPTIONS" => RestSharp.Method.Options,
        "MERGE" => RestSharp.Method.Merge,
        "COPY" => RestSharp.Method.Copy,
        "SEARCH" => RestSharp.Method.Search,
        _ => throw new NotSupportedException($"HTTP method '{method}' cannot be sent by the probe client."),
    };
}

/// <summary>Attaches the capture record to the outgoing HTTP message, where <see cref="CappingHandler"/> fills it.</summary>
internal sealed class CaptureInterceptor(CaptureInfo capture) : RestSharp.Interceptors.Interceptor
{
    public override ValueTask BeforeHttpRequest(HttpRequestMessage requestMessage, CancellationToken cancellationToken)
    {
        CaptureInfo.Attach(requestMessage, capture);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Sends a Content-Type as the probe names it: with its parameters, malformed if the row wrote it so (a wrong_content_type
/// probe may), and for a form without the <c>; charset=utf-8</c> RestSharp adds, a parameter the form media type does not
/// define and that a strict token endpoint may refuse (the form's bytes are UTF-8 anyway).
/// </summary>
internal sealed class ExactContentType(string contentType) : RestSharp.Interceptors.Interceptor
{
    public override ValueTask BeforeHttpRequest(HttpRequestMessage requestMessage, CancellationToken cancellationToken)
    {
        if (requestMessage.Content is { } content)
        {
            content.Headers.Remove("Content-Type");
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return ValueTask.CompletedTask;
    }
}
