using Conformance.Probing;
using RestSharp;

namespace Conformance.Targets;

/// <summary>Turns a RestSharp response into a <see cref="ProbeStep"/>, naming transport failures plainly.</summary>
internal static class ResponseReader
{
    public static ProbeStep Read(ProbeRequest request, RestResponse response, CaptureInfo capture, TimeSpan elapsed, TargetOptions options)
    {
        if (response.ResponseStatus is ResponseStatus.TimedOut)
        {
            return TimedOut(request, capture, options);
        }

        // RestSharp marks any non-2xx as an error; a status code means a complete HTTP response arrived.
        if (response.StatusCode == 0)
        {
            return Describe(request, response.ErrorException, response.ErrorMessage, capture, options);
        }

        if (response.StatusCode == System.Net.HttpStatusCode.SwitchingProtocols)
        {
            return Fail(request, "protocol", ReplyFaults.Switched(Target(request, options).Url.Authority, request, capture.RawHeaders));
        }

        // The target's own header text (CappingHandler); RestSharp's view holds values .NET parsed and rewrote. Content-Length
        // is the one the target declared (the body was re-buffered, possibly capped or decoded), and none if it sent none.
        var raw = capture.RawHeaders ?? [];
        var headers = new List<KeyValuePair<string, string>>(raw.Count + 1);
        foreach (var header in raw)
        {
            if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(header);
            }
            else if (header.Value.Contains(',', StringComparison.Ordinal) && ReplyFaults.Lengths(Target(request, options).Url.Authority, raw) is { } lengths)
            {
                return Fail(request, "protocol", lengths); // two values, .NET read by the first: the body may be another length
            }
        }

        if (capture.DeclaredLength is { } declared)
        {
            headers.Add(new("Content-Length", declared.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var probe = new ProbeResponse((int)response.StatusCode, response.StatusDescription, headers, response.RawBytes ?? [], capture.Truncated, elapsed);
        return new ProbeStep(request, probe, null);
    }

    private static ProbeStep Describe(ProbeRequest request, Exception? error, string? message, CaptureInfo capture, TargetOptions options)
    {
        var (url, setting) = Target(request, options);
        var authority = url.Authority;
        var place = TransportFailure.Place.Of(url, options.Api, setting);
        if (ReplyFaults.Lengths(authority, capture.RawHeaders) is { } lengths)
        {
            return Fail(request, "protocol", lengths); // by the first value the body was cut short
        }

        if (TransportError.Chain(error).OfType<TlsReplyException>().FirstOrDefault() is { } tls)
        {
            return Fail(request, "tls", ReplyFaults.Tls(authority, tls.First, $"{options.Api}.{setting}"));
        }

        var (kind, detail) = TransportError.Of(error, message);
        return kind switch
        {
            TransportErrorKind.Refused => Fail(request, "refused", TransportFailure.Refused(place)),
            TransportErrorKind.Unresolved => Fail(request, "dns", TransportFailure.Unresolved(place)),
            TransportErrorKind.Reset => Fail(request, "reset", TransportFailure.Reset(place, detail, orClosed: false)),
            TransportErrorKind.ProxyTunnel =>
                Fail(request, "proxy", $"The proxy would not open a tunnel to {authority} ({detail.TrimEnd('"').TrimEnd('.')}). Check HTTPS_PROXY (its user and password) and NO_PROXY."), // .NET's text ends in a stray quote
            TransportErrorKind.Tls => Fail(request, "tls", TransportFailure.Tls(options.Api, options.Tls, place, detail)),
            TransportErrorKind.InvalidResponse => Fail(request, "protocol", $"The reply from {authority} is not valid HTTP ({detail})."),
            TransportErrorKind.ResponseEnded =>
                Fail(request, "incomplete", $"The connection to {authority} closed before the response was complete ({detail}).{Unrepeated(request)}"),
            TransportErrorKind.TimedOut => TimedOut(request, capture, options),
            TransportErrorKind.Closed => Fail(request, "reset", TransportFailure.Reset(place, detail, orClosed: true)),
            _ => Fail(request, "transport", TransportFailure.Other(place, detail)),
        };
    }

    /// <summary>
    /// For a request that may change state: a target that closes a keep-alive connection after a response without
    /// <c>Connection: close</c> makes the next request on it meet a closed connection, and such a request is never sent again.
    /// </summary>
    private static string Unrepeated(ProbeRequest request) =>
        Mutation.Repeatable.Contains(request.Method) ? string.Empty
            : $" If this comes and goes, the target may close keep-alive connections without 'Connection: close'; a {request.Method} is never sent again automatically (conformance.transportRetries repeats GET, HEAD and OPTIONS only).";

    /// <summary>
    /// The one timeout verdict, whether the client, the socket or RestSharp noticed it; unless the head gave two lengths
    /// and, by the first, the body never ended.
    /// </summary>
    public static ProbeStep TimedOut(ProbeRequest request, CaptureInfo capture, TargetOptions options)
    {
        var (url, setting) = Target(request, options);
        return ReplyFaults.Lengths(url.Authority, capture.RawHeaders) is { } lengths
            ? Fail(request, "protocol", lengths)
            : Fail(request, "timeout", TransportFailure.TimedOut(TransportFailure.Place.Of(url, options.Api, setting), options.Timeout));
    }

    /// <summary>
    /// Where the request went and the setting naming it: the token request goes to &lt;api&gt;.tokenUrl, perhaps
    /// another host, else &lt;api&gt;.baseUrl.
    /// </summary>
    private static (Uri Url, string Setting) Target(ProbeRequest request, TargetOptions options)
    {
        var url = Uri.TryCreate(request.Path, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute : options.BaseUrl;
        return (url, options.OAuth is { } oauth && url == oauth.TokenUrl ? "tokenUrl" : "baseUrl");
    }

    private static ProbeStep Fail(ProbeRequest request, string kind, string message) => new(request, null, new ProbeFailure(kind, message));
}
