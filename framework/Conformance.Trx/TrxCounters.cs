namespace Conformance.Trx;

/// <summary>The <c>ResultSummary/Counters</c> numbers of a run; the counters this reporter never produces are written as 0.</summary>
internal sealed record TrxCounters(int Total, int Passed, int Failed, int Error, int Timeout, int Aborted, int NotExecuted)
{
    /// <summary>Every result that ran (all but the skipped ones).</summary>
    public int Executed => Total - NotExecuted;

    /// <summary>True when a result failed, errored, timed out or was aborted: the summary outcome is then <c>Failed</c>.</summary>
    public bool AnyFailed => Failed + Error + Timeout + Aborted > 0;

    /// <summary>Counts the results by outcome.</summary>
    public static TrxCounters From(IReadOnlyCollection<TrxTestResult> results) => new(
        results.Count,
        Count(results, TrxOutcome.Passed),
        Count(results, TrxOutcome.Failed),
        Count(results, TrxOutcome.Error),
        Count(results, TrxOutcome.Timeout),
        Count(results, TrxOutcome.Aborted),
        Count(results, TrxOutcome.NotExecuted));

    private static int Count(IEnumerable<TrxTestResult> results, TrxOutcome outcome) => results.Count(r => r.Outcome == outcome);
}
