using Conformance.Reporting;

[assembly: Parallelizable(ParallelScope.Children)]
[assembly: LevelOfParallelism(8)]

namespace Conformance.Suites;

/// <summary>Every row of every pack under contracts/, one case each.</summary>
[TestFixture]
public sealed class ConformanceSuite
{
    [TestCaseSource(typeof(CaseSource), nameof(CaseSource.Cases))]
    public void Row(CaseKey key)
    {
        if (key.Warning is { } warning)
        {
            Assert.Warn(warning); // not a case of the API: no result, nothing in the reports
            return;
        }

        var run = SuiteContext.Run ?? throw new InvalidOperationException("The run was not set up.");
        var result = key.Invalid is { } invalid
            ? run.Runner.Invalid(invalid)
            : Wait(run.Runner.RunAsync(SuiteContext.Row(key), TestContext.CurrentContext.CancellationToken));
        SuiteContext.Record(result);
        Reporting.Allure.ReportHook.Case(run, SuiteContext.Settings, SuiteContext.ResultsRoot, result); // reporting hook: Allure files + scorecard
        switch (result.Verdict)
        {
            case Verdict.Failed when result.KnownIssue is not null:
                Assert.Warn(result.Message);
                break;
            case Verdict.Failed:
                CaseFailure.Record(result.Message);
                break;
            case Verdict.Broken:
                CaseFailure.Record("BROKEN (no verdict): " + result.Message);
                break;
            case Verdict.Skipped:
                Assert.Ignore(result.Message);
                break;
            case Verdict.Passed when result.Checks.Any(c => c.Outcome == Checks.Outcome.Warning):
                Assert.Warn(result.Message);
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Blocks the NUnit worker in the kernel until the probe is done. NUnit's own wait for an async test spins first,
    /// and 8 workers spinning on 2 cores took CPU from the probes and the embedded reference API (bench/README.md).
    /// </summary>
    private static CaseResult Wait(Task<CaseResult> probe)
    {
        if (!probe.IsCompleted)
        {
            using var done = new ManualResetEventSlim(false, 0);
            probe.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(done.Set);
            done.Wait();
        }

        return probe.GetAwaiter().GetResult();
    }
}
