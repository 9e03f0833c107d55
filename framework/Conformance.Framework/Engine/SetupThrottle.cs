using System.Globalization;
using Conformance.Probing;
using Conformance.Targets;

namespace Conformance.Engine;

/// <summary>
/// A <c>setup:</c> answered 429 or 503 is sent again after its Retry-After (else 1 s), within the run's bounded retries,
/// as the probe is: a target still throttling after a <c>rate_limit</c> row's burst would otherwise break the next
/// case that needs a setup. A 429/503 asks for the request again later and changed nothing, so even a POST is resent.
/// </summary>
internal static class SetupThrottle
{
    /// <param name="send">Sends the setup once (with the token renewal of <see cref="TokenRenewal.SetupAsync"/>).</param>
    /// <param name="retried">Each throttled attempt is added here, labelled as the setup's.</param>
    public static async Task<SetupOutcome> RunAsync(Func<Task<SetupOutcome>> send, int maxRetries, TimeSpan maxWait, TimeProvider time, List<ProbeStep> retried, CancellationToken cancellationToken)
    {
        var outcome = await send();
        var sent = 0;
        while (Throttled(outcome) is { } answer && sent < maxRetries && !RetryAfter.LongerThan(answer, maxWait, time))
        {
            retried.Add(outcome.Step);
            sent++;
            var wait = RetryAfter.Asked(answer, time) ?? TimeSpan.FromSeconds(1);
            await Task.Delay(wait > maxWait ? maxWait : wait, time, cancellationToken);
            outcome = await send();
        }

        if (sent == 0 || Throttled(outcome) is null)
        {
            return outcome;
        }

        // The first line says what the setup got; the bounded retries it had go on that line, before its body.
        var failure = outcome.Failure!;
        var end = failure.IndexOf(Environment.NewLine, StringComparison.Ordinal);
        var still = $", still after {sent.ToString(CultureInfo.InvariantCulture)} bounded retr{(sent == 1 ? "y" : "ies")} (conformance.maxRetries); the target is throttling or unavailable";
        return outcome with { Failure = end < 0 ? failure + still : failure.Insert(end, still) };
    }

    private static ProbeResponse? Throttled(SetupOutcome outcome) =>
        outcome.Failure is not null && outcome.Step.Response is { Status: 429 or 503 } answer ? answer : null;
}
