using Conformance.Contracts;
using Conformance.Probing;
using Conformance.Reporting;
using Conformance.Targets;

namespace Conformance.Engine;

/// <summary>
/// A <c>setup:</c> sent as a row's is, for a row (<see cref="CaseRunner"/>) and a pact provider state
/// (Conformance.Pact.States.SetupStates) alike: again after a 429, 502, 503 or 504 by the probe's rules
/// (<see cref="BoundedRetry"/>: <c>conformance.maxRetries</c>, the Retry-After capped by <c>maxRetryWaitSeconds</c>, a 502
/// or 504 only for a request that may be repeated, <c>transportRetries</c> for a GET), once more with a new token after a
/// 401 to a fetched one (<see cref="TokenRenewal"/>); and the message of one that sent no probe.
/// </summary>
internal static class RetriedSetup
{
    /// <summary>Sends the setup; each attempt sent again is added to <paramref name="retried"/>.</summary>
    /// <param name="pack">The pack with the target's variable values in place.</param>
    public static Task<SetupOutcome> RunAsync(OperationSetup setup, ApiPack pack, TargetClient client, IProbeSender sender, Redactor redactor, BoundedRetry retry, List<ProbeStep> retried, TimeProvider time, SchemaCatalog? schemas, CancellationToken cancellationToken) =>
        // It expects a 2xx, so no transient status is judged.
        TokenRenewal.SetupAsync(setup, token => retry.SendAsync(() => CaseSetup.RunAsync(setup, pack, client, sender, redactor, cancellationToken, token, schemas), o => ProbeExchange.Of(o.Step), [], pack.Operations[setup.Op].Mutates, retried, cancellationToken), client, time, redactor, retried, cancellationToken);

    /// <summary>
    /// The message of a setup that sent no probe: when its last answer is still a 429, 502, 503 or 504 after its bounded
    /// retries, its first line says so and why; when it ended another way after a retry, a RETRIED line (by
    /// <paramref name="line"/>, for an attempt after which no probe followed) for each attempt sent again goes before its
    /// Reproduce line.
    /// </summary>
    public static string Failure(SetupOutcome outcome, string failure, List<ProbeStep> retried, BoundedRetry retry, Func<ProbeStep, string> line)
    {
        // The setup's attempts these rules sent again (not one answered 401 before a new token, whose message stands as it was).
        var again = retried.Where(s => s.Label == outcome.Step.Label && (s.Response is null || BoundedRetry.Transient(s.Response.Status))).ToList();
        if (outcome.Step.Response is { } answer && retry.SetupStill(answer, BoundedRetry.Count(retried, outcome.Step)) is { } still)
        {
            var end = failure.IndexOf(Environment.NewLine, StringComparison.Ordinal);
            return end < 0 ? failure + still : failure.Insert(end, still);
        }

        var reproduce = CurlLine.Reproduce(outcome.Curl);
        return again.Count == 0 || !failure.EndsWith(reproduce, StringComparison.Ordinal) ? failure
            : failure[..^reproduce.Length] + string.Concat(again.Select(s => Environment.NewLine + line(s))) + reproduce;
    }
}
