using Conformance.Probing;
using Conformance.Reporting;
using Conformance.Tables;
using Conformance.Targets;

namespace Conformance.Engine;

/// <summary>
/// One case's way to its target past the API's <see cref="CaseBreaker"/>: the case's first request is not sent once the
/// breaker is open, asked before and again when the request holds a concurrency slot; once a request went, the case is in
/// flight, and its retries, later steps and cleanup go as they would.
/// </summary>
internal sealed class BreakerGuard(TargetClient client, CaseBreaker breaker) : IProbeSender
{
    private static readonly string[] NotSent = ["breaker", "budget", "request"];
    private bool sent;

    public async Task<ProbeStep> SendAsync(ProbeRequest request, CancellationToken cancellationToken)
    {
        var step = await client.SendAsync(request, sent ? null : breaker.Refusal, cancellationToken);
        sent |= step.Response is not null || !NotSent.Contains(step.Failure?.Kind);
        return step;
    }

    /// <summary>Counts <paramref name="result"/> on the breaker when the case sent a request; returns it.</summary>
    public CaseResult Record(CaseResult result)
    {
        if (sent && result.Row is { } row)
        {
            breaker.Record(row, result);
        }

        return result;
    }
}
