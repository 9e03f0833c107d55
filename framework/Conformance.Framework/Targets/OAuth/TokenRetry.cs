using Conformance.Probing;

namespace Conformance.Targets.OAuth;

/// <summary>
/// A token request that got no answer (the connection refused or reset, no complete response in time) is sent again: a
/// staging hop's blip must not break every row that needs the token for the whole night. At most <see cref="Attempts"/>
/// attempts, the waits between them doubling from 1 s (on the run's <see cref="TimeProvider"/>). A request that was
/// answered, even with a refusal (invalid_client), is never repeated: the same request would get the same answer.
/// </summary>
internal static class TokenRetry
{
    public const int Attempts = 3;

    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(1);
    private static readonly string[] NoAnswer = ["refused", "reset", "timeout", "incomplete"];

    /// <summary>True when the attempt got no answer for a reason that may pass (not a TLS, DNS or proxy mistake, not the request budget).</summary>
    public static bool Applies(ProbeStep step) => step.Response is null && step.Failure is { } failure && NoAnswer.Contains(failure.Kind);

    /// <summary>The wait after attempt <paramref name="attempt"/> (from 1): 1 s, then 2 s.</summary>
    public static TimeSpan Wait(int attempt) => FirstWait * (1 << (attempt - 1));
}
