using Conformance.Engine;
using Conformance.Targets;

namespace Conformance.Reporting.Allure;

/// <summary>
/// The two calls the NUnit glue makes: <see cref="Case"/> after each case, <see cref="Finish"/> in the one-time teardown.
/// One writer per run, created on first use.
/// </summary>
public static class ReportHook
{
    private static readonly Lock Gate = new();
    private static (ConformanceRun Run, AllureWriter Writer)? current;

    public static void Case(ConformanceRun run, SettingsSource settings, string? testResultsDirectory, CaseResult result) =>
        For(run, settings, testResultsDirectory).Write(result);

    public static void Finish(ConformanceRun? run, SettingsSource settings, string? testResultsDirectory)
    {
        if (run is not null)
        {
            For(run, settings, testResultsDirectory).Finish();
        }
    }

    private static AllureWriter For(ConformanceRun run, SettingsSource settings, string? testResultsDirectory)
    {
        lock (Gate)
        {
            if (current is not { } c || !ReferenceEquals(c.Run, run))
            {
                current = (run, new AllureWriter(ReportScope.From(run), ReportLocation.Resolve(settings, testResultsDirectory)));
            }

            return current.Value.Writer;
        }
    }
}
