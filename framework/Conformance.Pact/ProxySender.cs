using Conformance.Targets;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact;

/// <summary>
/// How <see cref="CredentialProxy"/> sends a request on to the target: in its turn with the run's others
/// (<see cref="RequestTurn"/>), and, when the target gives no response (refused, DNS, reset, timed out, TLS), with why
/// kept for that request in the <see cref="ProxyLedger"/>, worded as for a probe (<see cref="TransportFailure.Forwarded"/>):
/// the target's host and port, never the proxy's, and the setting that named it (<paramref name="target"/>; null: no why kept).
/// </summary>
internal sealed class ProxySender(HttpClient http, RequestTurn? turn, ProxyLedger ledger, TransportFailure.Place? target, (string Api, TlsSettings Settings)? tls) : IDisposable
{
    /// <summary>How long one forwarded exchange may take.</summary>
    public TimeSpan Timeout => http.Timeout;

    /// <summary>
    /// The target's answer once the request's turn came (<see cref="RequestTurn"/>), or null when there is none
    /// (unreachable, timed out, or not sent: then why, as <c>NotSent</c>).
    /// </summary>
    /// <param name="place">The request's place in the ledger's order.</param>
    public async Task<(HttpResponseMessage? Response, string? NotSent)> InTurnAsync(HttpRequestMessage request, HttpContext context, int place)
    {
        if (turn is null)
        {
            return (await SendAsync(request, context, place), null);
        }

        HttpResponseMessage? response = null;
        try
        {
            var notSent = await turn(async () => response = await SendAsync(request, context, place), context.RequestAborted);
            return (response, notSent);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return (null, null); // the verifier gave up while the request waited for its turn
        }
    }

    /// <summary>
    /// The target's answer, or null when there is none (unreachable, timed out; the verifier giving up first is a
    /// timeout too, its own being the run's, or longer).
    /// </summary>
    private async Task<HttpResponseMessage?> SendAsync(HttpRequestMessage request, HttpContext context, int place)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            if (target is { } where)
            {
                ledger.Unreached(place, TransportFailure.Forwarded(e, where, http.Timeout, tls));
            }

            return null;
        }
    }

    public void Dispose() => http.Dispose();
}
