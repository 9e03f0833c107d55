using Conformance.Probing;
using Conformance.Reporting;
using Conformance.Targets;

namespace Conformance.Engine;

/// <summary>
/// One case's way to its target past the API's <see cref="CaseBreaker"/>: the case's first request waits out the breaker's
/// pause, if it has one, before it takes a place in the request budget or a concurrency slot, and is not sent once the
/// breaker is open for good, asked before and again when the request holds a concurrency slot (where one that finds the
/// breaker paused since gives its place back and waits again); once a request went, the case is in flight, and its
/// retries, later steps and cleanup go as they would.
/// </summary>
internal sealed class BreakerGuard(TargetClient client, CaseBreaker breaker) : IProbeSender, IDisposable
{
    private static readonly string[] NotSent = ["breaker", "budget", "request"];
    private BreakerTicket? ticket;
    private bool sent;
    private bool recorded;

    public async Task<ProbeStep> SendAsync(ProbeRequest request, CancellationToken cancellationToken)
    {
        if (sent)
        {
            return await client.SendAsync(request, null, cancellationToken);
        }

        while (true)
        {
            var pass = await breaker.WaitAsync(cancellationToken);
            ticket = pass;
            var step = await client.SendAsync(request, () => breaker.Refusal(pass), cancellationToken);
            if (ReferenceEquals(step.Failure, CaseBreaker.Held))
            {
                continue; // it opened, with a pause, while the request waited
            }

            sent = step.Response is not null || !NotSent.Contains(step.Failure?.Kind);
            if (!sent && pass.Trial)
            {
                breaker.ReturnTrial();
                ticket = null;
            }

            return step;
        }
    }

    /// <summary>Counts <paramref name="result"/> on the breaker when the case sent a request; returns it.</summary>
    public CaseResult Record(CaseResult result)
    {
        if (sent && result.Row is { } row)
        {
            breaker.Record(row, result, ticket!);
            recorded = true;
        }

        return result;
    }

    /// <summary>
    /// Counts the end of a pact provider state's setup (Conformance.Pact), when it sent a request, as a row's setup is
    /// counted: one that failed on its last step (a 429, 502, 503 or 504 after its bounded retries; unreachable) counts,
    /// any other answer starts the count again.
    /// </summary>
    /// <param name="state">The provider state's name, as the breaker's message lists it.</param>
    public void Record(string state, string operation, bool failed, ProbeStep last)
    {
        if (sent)
        {
            breaker.Record($"provider state '{state}'", operation, BreakerCause.Of([], failed ? Verdict.Broken : Verdict.Passed, last), ticket!);
            recorded = true;
        }
    }

    /// <summary>A trial case that ended without its result counted (cancelled) gives the trial to another case.</summary>
    public void Dispose()
    {
        if (ticket is { Trial: true } && !recorded)
        {
            breaker.ReturnTrial();
        }
    }
}
