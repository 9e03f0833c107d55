using Conformance.Probing;

namespace Conformance.Pact;

/// <summary>
/// The requests a <see cref="CredentialProxy"/> forwarded, in the order they came, each with why the fetched token the
/// target refused (401) could not be renewed for it, why it was not sent at all (the run's request budget spent), or why
/// the target gave no response to it (refused, reset, timed out: <see cref="Unreached"/>), and null for every other request. The proxy does not know which
/// interaction a request belongs to; the verifier does not say which request an interaction sent. It runs the
/// interactions one at a time, sends one request for each whose provider states were set up, and lists them in that
/// order (<see cref="States.StateFailures"/> relies on the same order), so the requests line up with those interactions
/// of its result, and the one refused without a new token gets the token request's reason, the one not sent the
/// reason it was not (<see cref="Explain"/>).
/// </summary>
internal sealed class ProxyLedger
{
    /// <summary>How an interaction answered 401 to a fetched token that could not be renewed starts its message.</summary>
    public const string Unrenewed = "The target answered 401 Unauthorized to the fetched token, and a new one could not be fetched: ";

    private readonly List<Note?> requests = [];
    private readonly Lock gate = new();
    private int open;

    /// <summary>A request came: its place in the order; <see cref="End"/> once the proxy is done with it.</summary>
    public int Begin()
    {
        Interlocked.Increment(ref open);
        lock (gate)
        {
            requests.Add(null);
            return requests.Count - 1;
        }
    }

    /// <summary>The proxy is done with a request that <see cref="Begin"/> placed.</summary>
    public void End() => Interlocked.Decrement(ref open);

    /// <summary>
    /// Waits, up to <paramref name="limit"/>, until the proxy is done with every request: one the verifier gave up on
    /// (its own timeout) may still be noting why when the verifier returns.
    /// </summary>
    public void Settle(TimeSpan limit) => SpinWait.SpinUntil(() => Volatile.Read(ref open) <= 0, limit);

    /// <summary>The request at <paramref name="place"/> was answered 401 to the fetched token, and no new one could be had.</summary>
    public void Refused(int place, string failure)
    {
        lock (gate)
        {
            requests[place] = new Note($"{Unrenewed}{failure}", KeepVerifier: true);
        }
    }

    /// <summary>
    /// The request at <paramref name="place"/> was not sent (<paramref name="message"/>: <c>Not sent (budget): ...</c>): its
    /// interaction says so alone, the verifier's words on the dropped connection being no news of the target.
    /// </summary>
    public void NotSent(int place, string message)
    {
        lock (gate)
        {
            requests[place] = new Note(message, KeepVerifier: false);
        }
    }

    /// <summary>
    /// The target gave no response to the request at <paramref name="place"/> (<paramref name="failure"/>: refused, reset,
    /// timed out...): its interaction says so as a probe would (<c>Target unreachable (refused): ...</c>), alone, the
    /// verifier's words being of the proxy's dropped connection, not of the target.
    /// </summary>
    public void Unreached(int place, ProbeFailure failure)
    {
        lock (gate)
        {
            requests[place] = new Note($"{failure.Heading}: {failure.Message}", KeepVerifier: false);
        }
    }

    /// <summary>
    /// The result with each interaction that failed on a request refused without a new token made <c>BROKEN</c> (no
    /// verdict on a probe sent with a refused token, as for a row) saying why, the verifier's words kept, and each whose
    /// request was not sent, or got no response from the target, made <c>BROKEN</c> with why alone. Unchanged when no request has a note, or when the requests do not line up with the interactions that sent one (a redirect the
    /// verifier followed through the proxy, a request that never reached it): then no interaction is named wrongly.
    /// </summary>
    public PactVerificationResult Explain(PactVerificationResult result)
    {
        List<Note?> order;
        lock (gate)
        {
            order = [.. requests];
        }

        if (order.All(r => r is null) || order.Count != result.Interactions.Count(i => !i.Unsent))
        {
            return result;
        }

        var at = 0;
        var explained = new List<InteractionVerification>();
        foreach (var interaction in result.Interactions)
        {
            var note = interaction.Unsent ? null : order[at++];
            explained.Add(note is null || interaction.Passed
                ? interaction
                : interaction with { Broken = true, Mismatch = note.KeepVerifier ? $"{note.Message}{Environment.NewLine}The verifier: {interaction.Mismatch}" : note.Message });
        }

        return result with { Interactions = explained };
    }

    /// <summary>What an interaction's result says of its request, and whether the verifier's words follow.</summary>
    private sealed record Note(string Message, bool KeepVerifier);
}
