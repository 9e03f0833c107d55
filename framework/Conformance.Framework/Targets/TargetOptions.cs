namespace Conformance.Targets;

/// <summary>Where and how one API is probed. Built and validated once per run by <see cref="TargetResolver"/>.</summary>
public sealed record TargetOptions(
    string Api,
    Uri BaseUrl,
    string? Token,
    bool AllowMutation,
    int Concurrency,
    double RequestsPerSecond,
    TimeSpan Timeout,
    int MaxBodyBytes,
    bool IsReference)
{
    /// <summary>The pack's variables for this target: <c>&lt;api&gt;.var.&lt;name&gt;</c> where set, else api.yaml's default.</summary>
    public IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?> Vars { get; init; } = new Dictionary<string, System.Text.Json.Nodes.JsonNode?>();

    /// <summary>How the target's certificate is checked and which client certificate is offered.</summary>
    public TlsSettings Tls { get; init; } = TlsSettings.System;

    /// <summary>Where the token comes from when it is fetched (<c>&lt;api&gt;.tokenUrl</c>) rather than set; null otherwise.</summary>
    public OAuth.OAuthSettings? OAuth { get; init; }
}

/// <summary>Run-wide settings that apply to every target.</summary>
public sealed record RunSettings(
    TimeSpan Timeout,
    int MaxBodyBytes,
    HostAllowList AllowedHosts,
    int RequestBudget,
    int MaxRetries,
    TimeSpan MaxRetryWait)
{
    public static RunSettings Default { get; } = new(TimeSpan.FromSeconds(10), 1 << 20, HostAllowList.None, 20_000, 2, TimeSpan.FromSeconds(5));

    /// <summary><c>conformance.dryRun</c>: every case reports the request it would send, and nothing is sent.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// <c>conformance.transportRetries</c>: how many times a GET, HEAD or OPTIONS probe that got no complete response
    /// (reset, timeout, cut short) is sent again; 0 by default. A request that may change state is never repeated.
    /// </summary>
    public int TransportRetries { get; init; }

    /// <summary>
    /// <c>conformance.circuitBreaker</c>: once this many cases of one API in a row ended throttled or unavailable (an unexpected
    /// 429, 502, 503 or 504 after their bounded retries) or unreachable, its cases not yet started are not sent (Engine/CaseBreaker); 0 turns it off.
    /// </summary>
    public int CircuitBreaker { get; init; } = 3;

    /// <summary>
    /// <c>conformance.circuitBreakerPauseSeconds</c>: how long an open breaker holds the API's cases not yet sent before one of
    /// them goes as a trial (Engine/CaseBreaker); zero (the default): no pause, they are not sent.
    /// </summary>
    public TimeSpan CircuitBreakerPause { get; init; }

    /// <summary>
    /// <c>conformance.hostRequestsPerSecond</c>: requests a second to each target host (scheme, host, port), shared by every
    /// API on it and on top of each API's own <c>requestsPerSecond</c> (<see cref="HostLimits"/>); 0 (the default): none.
    /// </summary>
    public double HostRequestsPerSecond { get; init; }

    /// <summary><c>conformance.hostConcurrency</c>: requests at a time to each target host, as <see cref="HostRequestsPerSecond"/>; 0 (the default): none.</summary>
    public int HostConcurrency { get; init; }

    /// <summary><c>conformance.circuitBreakerTrials</c>: how many times, from each opening, it may pause and try a case (1).</summary>
    public int CircuitBreakerTrials { get; init; } = 1;
}
