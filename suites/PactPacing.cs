using Conformance.Pact;
using Conformance.Targets;

namespace Conformance.Suites;

/// <summary>
/// The turn the pact verifier's own interaction requests take, as every request of the run does: through the loopback
/// forwarder (<see cref="CredentialProxy"/>), each is counted in <c>conformance.requestBudget</c>, waits for a slot of
/// <c>&lt;api&gt;.concurrency</c> and is paced by <c>&lt;api&gt;.requestsPerSecond</c> and, when set,
/// <c>conformance.hostRequestsPerSecond</c> / <c>conformance.hostConcurrency</c> (<see cref="TargetClient"/>). Only when
/// one of them is in force: a request rate (the pack's <c>limits</c> give one), a host limit, or a concurrency or request
/// budget set; otherwise, and for the embedded reference API (never limited), the verifier goes to the target itself.
/// </summary>
internal static class PactPacing
{
    /// <summary>
    /// How much longer the verifier waits for an answer when its requests wait for their turn: the wait is not the
    /// target's, and the forwarder times the exchange itself with <c>conformance.timeoutSeconds</c>.
    /// </summary>
    public static readonly TimeSpan TurnAllowance = TimeSpan.FromMinutes(5);

    /// <summary>The turn of the requests to <paramref name="baseUrl"/>, under <paramref name="client"/>'s bounds; null when none applies.</summary>
    public static RequestTurn? For(TargetClient? client, Uri baseUrl)
    {
        if (client is null || client.Options.IsReference || SuiteContext.Run is not { } run || !Bounded(client.Options, run.Hosts is not null))
        {
            return null;
        }

        return async (send, cancellationToken) => await client.TurnAsync(baseUrl, send, cancellationToken) is { } failure
            ? $"{failure.Heading}: {failure.Message} Fix: raise conformance.requestBudget, or run fewer cases."
            : null;
    }

    private static bool Bounded(TargetOptions options, bool hostLimits) =>
        options.RequestsPerSecond > 0
        || hostLimits
        || SuiteContext.Settings.Get(options.Api, "concurrency") is not null
        || SuiteContext.Settings.Get("conformance", "requestBudget") is not null;
}
