using System.Net.Sockets;
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
            return Fail(request, "timeout", $"No complete response within {options.Timeout.TotalSeconds:0.#} s (conformance.timeoutSeconds).");
        }

        // RestSharp marks any non-2xx as an error; a status code means a complete HTTP response arrived.
        if (response.StatusCode == 0)
        {
            return Describe(request, response.ErrorException, response.ErrorMessage, options);
        }

        // RestSharp splits multi-valued headers (Allow: GET, HEAD) into entries; join them back as sent.
        var headers = (response.Headers ?? []).Concat(response.ContentHeaders ?? [])
            .Where(h => h.Name is not null)
            .GroupBy(h => h.Name!, StringComparer.OrdinalIgnoreCase)
            .Select(g => new KeyValuePair<string, string>(g.Key, string.Join(", ", g.Select(h => h.Value?.ToString() ?? string.Empty))))
            .ToList();
        var probe = new ProbeResponse((int)response.StatusCode, response.StatusDescription, headers, response.RawBytes ?? [], capture.Truncated, elapsed);
        return new ProbeStep(request, probe, null);
    }

    private static ProbeStep Describe(ProbeRequest request, Exception? error, string? message, TargetOptions options)
    {
        var root = error;
        while (root?.InnerException is not null && root is not SocketException)
        {
            root = root.InnerException;
        }

        return root switch
        {
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } =>
                Fail(request, "refused", $"Connection refused by {options.BaseUrl.Authority}: nothing listens there. Check {options.Api}.baseUrl."),
            SocketException { SocketErrorCode: SocketError.ConnectionReset } or IOException =>
                Fail(request, "reset", $"The connection to {options.BaseUrl.Authority} was reset or closed before a complete response ({root.Message})."),
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain } =>
                Fail(request, "dns", $"Host {options.BaseUrl.Host} could not be resolved."),
            TaskCanceledException or OperationCanceledException or TimeoutException =>
                Fail(request, "timeout", $"No complete response within {options.Timeout.TotalSeconds:0.#} s (conformance.timeoutSeconds)."),
            HttpRequestException http =>
                Fail(request, "protocol", $"The reply from {options.BaseUrl.Authority} is not valid HTTP: {http.Message}"),
            _ => Fail(request, "transport", $"The request failed before a response: {root?.Message ?? message ?? "unknown error"}"),
        };
    }

    private static ProbeStep Fail(ProbeRequest request, string kind, string message) => new(request, null, new ProbeFailure(kind, message));
}
