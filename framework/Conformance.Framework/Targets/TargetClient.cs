using System.Diagnostics;
using System.Net;
using Conformance.Contracts;
using Conformance.Probing;
using RestSharp;

namespace Conformance.Targets;

/// <summary>
/// The one place that owns HTTP for a target: one RestSharp client and connection pool, redirects not followed
/// (3xx is under test), a concurrency bound, a client-side rate limit (<see cref="RequestPacer"/>), the limit of the host
/// each request goes to (<see cref="HostLimits"/>, shared with the other APIs on it) and the run's request budget.
/// </summary>
public sealed class TargetClient : IProbeSender, IDisposable
{
    private readonly RestClient client;
    private readonly SemaphoreSlim gate;
    private readonly RequestPacer? pacer;
    private readonly RequestBudget budget;
    private readonly HostLimits? hosts;

    /// <param name="hosts">
    /// The run's host limits (<c>conformance.hostRequestsPerSecond</c>, <c>conformance.hostConcurrency</c>); null: none. The
    /// embedded reference API is not limited, as the pack's <c>limits</c> do not apply to it: it has no quota to protect,
    /// and its <c>rate_limit</c> rows need their burst unpaced to provoke its 429.
    /// </param>
    /// <param name="time">The run's clock (<c>ConformanceRun.Time</c>), which the pacer keeps; null: the system's.</param>
    public TargetClient(TargetOptions options, AuthScheme? auth, RequestBudget budget, HostLimits? hosts = null, Func<TimeProvider>? time = null)
    {
        Options = options;
        Auth = auth;
        this.budget = budget;
        this.hosts = options.IsReference ? null : hosts;
        gate = new SemaphoreSlim(Math.Max(1, options.Concurrency));
        pacer = options.RequestsPerSecond > 0 ? new RequestPacer(options.RequestsPerSecond, time ?? HostLimits.SystemClock) : null;
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            MaxConnectionsPerServer = Math.Max(1, options.Concurrency),
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            // Under the shortest keep-alive timeout servers commonly keep (Node.js: 5 s): a connection idle that long is not
            // reused, so a POST does not go out on one the target is closing at that moment (it is never sent again).
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(4),
            UseCookies = false,
            MaxResponseHeadersLength = 64,
            // HTTPS_PROXY/HTTP_PROXY/NO_PROXY apply to a remote target; a proxy cannot reach this machine's loopback (the
            // embedded reference API, a local server), and .NET does not leave loopback out by itself.
            UseProxy = !options.BaseUrl.IsLoopback,
            SslOptions = options.Tls.ClientOptions() ?? new System.Net.Security.SslClientAuthenticationOptions(),
            // An http:// connection whose reply starts with a TLS record fails at once, naming it (PlainHttpStream).
            PlaintextStreamFilter = PlainHttpStream.Filter,
        };
        var http = new HttpClient(new CappingHandler(sockets, options.MaxBodyBytes)) { Timeout = Timeout.InfiniteTimeSpan };
        client = new RestClient(http, new RestClientOptions(options.BaseUrl) { ThrowOnAnyError = false, FollowRedirects = false }, disposeHttpClient: true);
        Tokens = options.OAuth is { } oauth ? new OAuth.TokenSource(oauth, SendAsync, token => Options = Options with { Token = token }) : null;
    }

    /// <summary>
    /// For a target whose token is fetched (<c>&lt;api&gt;.tokenUrl</c>): a current token in <see cref="Options"/>, fetched
    /// when there is none or it is about to expire. Null when the target has its token, else why it has none.
    /// </summary>
    public async Task<string?> EnsureTokenAsync(TimeProvider time, Reporting.Redactor redactor, CancellationToken cancellationToken) =>
        Tokens is null ? null : (await Tokens.GetAsync(time, redactor, cancellationToken)).Failure;

    /// <summary>The target's options; its <see cref="TargetOptions.Token"/> is the fetched one once <see cref="Tokens"/> gave one.</summary>
    public TargetOptions Options { get; private set; }

    /// <summary>The token endpoint's client when the token is fetched (<c>&lt;api&gt;.tokenUrl</c>), else null.</summary>
    internal OAuth.TokenSource? Tokens { get; }

    public AuthScheme? Auth { get; }

    public Task<ProbeStep> SendAsync(ProbeRequest request, CancellationToken cancellationToken) => SendAsync(request, null, cancellationToken);

    /// <summary>
    /// As <see cref="SendAsync(ProbeRequest, CancellationToken)"/>; <paramref name="refusal"/>, when given, is asked before
    /// and again once the request holds one of the target's concurrency slots: a failure it gives is returned instead of
    /// sending (the circuit breaker, for a case's first request).
    /// </summary>
    internal async Task<ProbeStep> SendAsync(ProbeRequest request, Func<ProbeFailure?>? refusal, CancellationToken cancellationToken)
    {
        if (refusal?.Invoke() is { } early)
        {
            return new ProbeStep(request, null, early);
        }

        return await InTurnAsync(Destination(request), refusal, () => SendOnceAsync(request, cancellationToken), failure => new ProbeStep(request, null, failure), cancellationToken);
    }

    /// <summary>
    /// Sends with <paramref name="send"/> a request this client did not make (the pact verifier's, forwarded) as one of its
    /// own: counted in the run's request budget, within the target's concurrency bound, paced by its pacer and the limit of
    /// <paramref name="destination"/>'s host. Null once sent; the failure instead when the budget is spent (nothing sent).
    /// </summary>
    internal Task<ProbeFailure?> TurnAsync(Uri destination, Func<Task> send, CancellationToken cancellationToken) =>
        InTurnAsync<ProbeFailure?>(destination, null, async () =>
        {
            await send();
            return null;
        }, failure => failure, cancellationToken);

    /// <summary>How a request the spent budget holds back is named (<see cref="ProbeFailure.Heading"/>: <c>Not sent (budget)</c>).</summary>
    internal ProbeFailure BudgetSpent => new("budget", $"The run's request budget ({budget.Limit}) is spent; no request was sent.");

    /// <summary>
    /// The turn every request to the target takes: a place in the budget, a concurrency slot, then its pace (the host's
    /// too). A request not sent (budget spent, <paramref name="refusal"/>, or cancelled while it waited) gives its place back.
    /// </summary>
    private async Task<T> InTurnAsync<T>(Uri destination, Func<ProbeFailure?>? refusal, Func<Task<T>> send, Func<ProbeFailure, T> notSent, CancellationToken cancellationToken)
    {
        if (!budget.TryTake())
        {
            return notSent(BudgetSpent);
        }

        var sent = false;
        try
        {
            await gate.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            budget.Return();
            throw;
        }

        try
        {
            if (refusal?.Invoke() is { } refused)
            {
                budget.Return();
                return notSent(refused);
            }

            var sending = () =>
            {
                sent = true;
                return send();
            };
            if (hosts?.For(destination) is { } host)
            {
                return await host.SendAsync(pacer, sending, cancellationToken);
            }

            // Paced once it may go (within the concurrency bound): a request held at the gate cannot then start with others.
            if (pacer is not null)
            {
                await pacer.WaitAsync(cancellationToken);
            }

            return await sending();
        }
        catch (OperationCanceledException) when (!sent)
        {
            budget.Return();
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Where <paramref name="request"/> goes: its own absolute URL (a token request's), else the base URL.</summary>
    internal Uri Destination(ProbeRequest request) =>
        Uri.TryCreate(request.Path, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : Options.BaseUrl;

    private async Task<ProbeStep> SendOnceAsync(ProbeRequest request, CancellationToken cancellationToken)
    {
        if (RestRequestFactory.Unsendable(request, Auth) is { } why)
        {
            // The HTTP client would throw, quoting the whole value (a credential, perhaps) into the case's message, or
            // report the target's reply as not valid HTTP.
            return new ProbeStep(request, null, new ProbeFailure("request", why));
        }

        var capture = new CaptureInfo();
        var rest = RestRequestFactory.Create(request, Auth, capture);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            var response = await client.ExecuteAsync(rest, timeout.Token);
            if (response.StatusCode == 0 && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return ResponseReader.TimedOut(request, capture, Options);
            }

            return ResponseReader.Read(request, response, capture, watch.Elapsed, Options);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ResponseReader.TimedOut(request, capture, Options);
        }
    }

    public void Dispose()
    {
        client.Dispose();
        gate.Dispose();
        pacer?.Dispose();
        Tokens?.Dispose();
    }
}
