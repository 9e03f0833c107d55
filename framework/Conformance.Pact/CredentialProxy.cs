using System.Net;
using System.Net.Security;
using Conformance.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact;

/// <summary>
/// An HTTP forwarder on 127.0.0.1 between the pact verifier and a target, for pacts the verifier fetches itself (from
/// a broker) and that therefore cannot be given the target's credential beforehand as pact files are
/// (<see cref="PactCredentials"/>). A request carrying the pack's exported sample credential where its auth scheme
/// places it (the header, or the query parameter) is forwarded with the target's own credential instead; every other
/// request, and every response, passes as it came, so <c>no_auth</c> and <c>bad_auth</c> interactions still get their
/// 401. When the target cannot be reached the verifier's connection is dropped, so the verifier reports no response
/// (BROKEN) rather than a status of the proxy's making, and its interaction says why as a probe would
/// (<see cref="ProxySender"/>). It is also the way to a target whose TLS needs the pack's settings (a private CA, a
/// client certificate), which the verifier's own client does not know; and to a target whose
/// token is fetched (OAuth), which may be renewed while the verification runs: a request given that token and answered
/// 401 (revoked, rotated) is sent once more with a renewed one (<c>renew</c>); a second 401 stands, a request that
/// did not carry the exported credential is never sent twice, nor is one that replays an interaction expecting that
/// 401 (<c>refusals</c>). And it is the way the verifier's requests take the turn the run's own requests take (<c>turn</c>:
/// the API's pace and concurrency, the host's limit, the run's request budget): one the turn does not send (the budget
/// spent) never reaches the target, its connection is dropped and its interaction says why (<see cref="ProxyLedger"/>).
/// Dispose stops it.
/// </summary>
public sealed class CredentialProxy : IAsyncDisposable
{
    private readonly WebApplication app;
    private ProxySender sender = null!;
    private readonly string origin;
    private int replaced;
    private CredentialSwap? swap;
    private readonly Func<string, CancellationToken, Task<RenewedToken>>? renew;
    private readonly ProxyLedger ledger = new();
    private PactRefusals refusals = PactRefusals.None;
    private string basePath = string.Empty;

    private CredentialProxy(WebApplication app, string origin, Func<string, CancellationToken, Task<RenewedToken>>? renew)
    {
        this.app = app;
        this.origin = origin;
        this.renew = renew;
    }

    /// <summary>How the message of an interaction refused a fetched token that could not be renewed starts.</summary>
    public const string Unrenewed = ProxyLedger.Unrenewed;

    /// <summary>The proxy's address with the target's base path: give it to the verifier as the provider's base URL.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>How many requests had the exported credential replaced.</summary>
    public int Replaced => Volatile.Read(ref replaced);

    /// <param name="target">The target's base URL; requests keep their path and query.</param>
    /// <param name="auth">The pack's auth scheme: where the credential goes and how it is written.</param>
    /// <param name="credential">The target's own token, written as <paramref name="auth"/> writes it.</param>
    /// <param name="timeout">How long one forwarded exchange may take.</param>
    /// <param name="tls">
    /// The pack's api name and its target's TLS settings (a private CA, a client certificate), or null for the system's: the
    /// handshake's options, and what a TLS failure names to check as a probe's does (<c>... The certificate was checked
    /// against notes.caCertificate: ...</c>).
    /// </param>
    /// <param name="current">
    /// The target's token when each request is forwarded, in place of <paramref name="credential"/> once it differs (a
    /// fetched token renewed after the target refused it), or null to keep <paramref name="credential"/>.
    /// </param>
    /// <param name="renew">
    /// For a fetched token: asked for a token in place of the one given (refused) when the target answered 401 to a
    /// request that carried it; the request is then sent once more with the token it returns, or the 401 stands (no
    /// token; with the token request's reason, <see cref="AsTarget"/> gives it to that interaction).
    /// </param>
    /// <param name="refusals">
    /// The requests that replay an interaction expecting 401 with the credential: their 401 is not renewed for.
    /// </param>
    /// <param name="turn">How each request to the target waits for its turn with the run's others, or null to send at once.</param>
    /// <param name="setting">
    /// The setting that named <paramref name="target"/> (<c>("notes", "baseUrl")</c>, <c>("pact", "providerBaseUrl")</c>):
    /// an interaction whose request got no response from the target then says why, as a probe would
    /// (<c>Target unreachable (refused): Connection refused by 127.0.0.1:8080: ... Check notes.baseUrl (CONFORMANCE_NOTES_BASEURL).</c>);
    /// null leaves the verifier's words.
    /// </param>
    public static async Task<CredentialProxy> StartAsync(Uri target, AuthScheme? auth, string? credential, TimeSpan timeout, (string Api, Targets.TlsSettings Settings)? tls = null, Func<string?>? current = null, Func<string, CancellationToken, Task<RenewedToken>>? renew = null, PactRefusals? refusals = null, RequestTurn? turn = null, (string Scope, string Key)? setting = null)
    {
        var app = LoopbackHost.Create();
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None, UseCookies = false, UseProxy = !target.IsLoopback, SslOptions = tls?.Settings.ClientOptions() ?? new SslClientAuthenticationOptions() };
        var proxy = new CredentialProxy(app, target.GetLeftPart(UriPartial.Authority), renew);
        var where = setting is { } named ? Targets.TransportFailure.Place.Of(target, named.Scope, named.Key) : (Targets.TransportFailure.Place?)null;
        proxy.sender = new ProxySender(new HttpClient(handler) { Timeout = timeout }, turn, proxy.ledger, where, tls);
        proxy.swap = auth is null || credential is null ? null : new CredentialSwap(auth, credential);
        (proxy.refusals, proxy.basePath) = (refusals ?? PactRefusals.None, target.AbsolutePath.TrimEnd('/'));
        app.Run(context => proxy.ForwardAsync(context, proxy.Swap(auth, current)));
        await app.StartAsync();
        proxy.BaseUri = new Uri(LoopbackHost.Address(app), target.AbsolutePath);
        return proxy;
    }

    /// <summary>
    /// The result with the proxy's address in its messages put back to the target's, as the user knows it, and an
    /// interaction refused a fetched token that could not be renewed broken with the token request's reason (<see cref="ProxyLedger"/>).
    /// </summary>
    public PactVerificationResult AsTarget(PactVerificationResult result)
    {
        ledger.Settle(TimeSpan.FromSeconds(5)); // a request the verifier gave up on is noted at once: 5 s is only a bound
        result = ledger.Explain(result);
        var own = BaseUri.GetLeftPart(UriPartial.Authority);
        return result with
        {
            Interactions = [.. result.Interactions.Select(i => i with { Mismatch = i.Mismatch?.Replace(own, origin, StringComparison.Ordinal) })],
            Output = result.Output.Replace(own, origin, StringComparison.Ordinal),
        };
    }

    /// <summary>The swap for the next request: with the current token when it changed.</summary>
    private CredentialSwap? Swap(AuthScheme? auth, Func<string?>? current)
    {
        var now = Volatile.Read(ref swap);
        if (auth is null || now is null || current?.Invoke() is not { } credential || credential == now.Credential)
        {
            return now;
        }

        var renewed = new CredentialSwap(auth, credential);
        Volatile.Write(ref swap, renewed);
        return renewed;
    }

    private async Task ForwardAsync(HttpContext context, CredentialSwap? swap)
    {
        // A request that may be sent twice (a fetched token renewed after a 401) keeps its body; others stream it.
        var place = ledger.Begin();
        HttpRequestMessage? request = null;
        try
        {
            var body = renew is null || swap is null ? null : await ProxyRequest.BodyAsync(context);
            var swapped = 0;
            request = ProxyRequest.Build(context, origin, swap, body, ref swapped);
            var (response, notSent) = await sender.InTurnAsync(request, context, place);
            if (response is { StatusCode: HttpStatusCode.Unauthorized } && swapped > 0 && !Expects401(context) && await RenewedAsync(swap!, place, context) is { } renewed)
            {
                response.Dispose();
                request.Dispose();
                Interlocked.Add(ref replaced, swapped);
                swapped = 0;
                request = ProxyRequest.Build(context, origin, renewed, body, ref swapped);
                (response, notSent) = await sender.InTurnAsync(request, context, place); // once: a second 401 stands
            }

            Interlocked.Add(ref replaced, notSent is null ? swapped : 0);
            if (notSent is not null)
            {
                ledger.NotSent(place, notSent);
            }

            if (response is null)
            {
                context.Abort(); // no response for the verifier to compare: it reports the request as not answered
                return;
            }

            using (response)
            {
                context.Response.StatusCode = (int)response.StatusCode;
                foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
                {
                    if (!ForwardedHeaders.Skip(name))
                    {
                        context.Response.Headers[name] = values.ToArray();
                    }
                }

                // Within the exchange's timeout: the verifier's own is longer when its requests wait for their turn.
                using var copying = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
                copying.CancelAfter(sender.Timeout);
                await response.Content.CopyToAsync(context.Response.Body, copying.Token);
            }
        }
        finally
        {
            request?.Dispose();
            ledger.End();
        }
    }

    /// <summary>Whether the request replays an interaction that expects 401 with the credential (<see cref="PactRefusals"/>).</summary>
    private bool Expects401(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        return refusals.Expected(context.Request.Method, basePath.Length > 0 && path.StartsWith(basePath, StringComparison.Ordinal) ? path[basePath.Length..] : path);
    }

    /// <summary>
    /// The swap with a token renewed in place of <paramref name="refused"/>'s, which the target answered 401, and from
    /// now on for every request; null when there is none (no renewal, or the same token again): the 401 stands, and
    /// the token request's reason, if any, is kept for the request at <paramref name="place"/>.
    /// </summary>
    private async Task<CredentialSwap?> RenewedAsync(CredentialSwap refused, int place, HttpContext context)
    {
        var renewal = renew is null ? null : await renew(refused.Credential, context.RequestAborted);
        if (renewal?.Failure is { } failure)
        {
            ledger.Refused(place, failure);
        }

        if (renewal?.Token is not { } token || token == refused.Credential)
        {
            return null;
        }

        var renewed = refused.With(token);
        Volatile.Write(ref swap, renewed);
        return renewed;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        sender.Dispose();
    }
}

/// <summary>
/// Sends with <paramref name="send"/> when the run's bounds let the request go, and returns null; or returns why it was not
/// sent (<c>Not sent (budget): ...</c>), <paramref name="send"/> not called.
/// </summary>
public delegate Task<string?> RequestTurn(Func<Task> send, CancellationToken cancellationToken);

/// <summary>
/// A token renewed in place of one the target refused (<see cref="Token"/>), or why none could be fetched
/// (<see cref="Failure"/>, masked), or neither: the refusal stands (a token fetched after a refusal is not replaced).
/// </summary>
public sealed record RenewedToken(string? Token, string? Failure);
