using Conformance.Probing;

namespace Conformance.Targets.OAuth;

/// <summary>
/// A token request that got no answer (the connection refused or reset, no complete response in time), or was answered
/// by a gateway error or throttling (502, 503, 504, 429), is sent again: a staging hop's blip must not break every row
/// that needs the token for the whole night. At most <see cref="Attempts"/> attempts; between them the answer's
/// Retry-After (seconds or an HTTP-date), else waits doubling from 1 s, each capped at <c>conformance.maxRetryWaitSeconds</c> (on the
/// run's <see cref="TimeProvider"/>). The attempts are a constant, not a setting: the token is fetched once for the run,
/// so they cost at most two waits a run, not a wait per row as a probe's retries do. A refusal (400, 401, 403 invalid_client) is never repeated: the same request would get
/// the same answer.
/// </summary>
internal static class TokenRetry
{
    public const int Attempts = 3;

    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(1);
    private static readonly string[] NoAnswer = ["refused", "reset", "timeout", "incomplete"];
    private static readonly int[] Transient = [429, 502, 503, 504];

    /// <summary>
    /// True when the attempt got no answer for a reason that may pass (not a TLS, DNS or proxy mistake, not the request
    /// budget), or an answer that says to come back later.
    /// </summary>
    public static bool Applies(ProbeStep step) => step.Response is { } response
        ? Transient.Contains(response.Status)
        : step.Failure is { } failure && NoAnswer.Contains(failure.Kind);

    /// <summary>
    /// The wait after attempt <paramref name="attempt"/> (from 1): the answer's Retry-After (seconds or an HTTP-date), else
    /// 1 s, then 2 s; either at most <paramref name="longest"/> (<c>conformance.maxRetryWaitSeconds</c>, every wait's bound in the run).
    /// </summary>
    public static TimeSpan Wait(int attempt, ProbeStep step, TimeSpan longest, TimeProvider time)
    {
        var wait = (step.Response is { } response ? RetryAfter.Asked(response, time) : null) ?? FirstWait * (1 << (attempt - 1));
        return wait > longest ? longest : wait;
    }
}
