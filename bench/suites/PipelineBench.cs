using System.Diagnostics;
using System.Globalization;
using Conformance.Contracts;
using Conformance.Engine;
using Conformance.ReferenceApi;
using Conformance.Reporting;
using Conformance.Reporting.Allure;
using Conformance.Targets;

namespace Conformance.Bench.Suites;

/// <summary>
/// The framework without NUnit: loads the packs of CONTRACTS, runs every row through the same CaseRunner and Allure hook
/// the suites use, CONCURRENCY at a time, against the embedded reference API, and prints one JSON line with the rate and
/// the process CPU per case. The difference to the suites' figures is the test platform's share.
/// </summary>
internal static class PipelineBench
{
    private static readonly string ScorecardFolder = Path.Combine(Path.GetTempPath(), "conformance-pipeline-bench");

    public static async Task<int> RunAsync(string contracts, int concurrency, string allure)
    {
        var settings = new SettingsSource(name => name == "conformance.allureResults" ? allure : null);
        var load = Stopwatch.StartNew();
        var set = PackLoader.LoadAll(contracts, Path.GetDirectoryName(contracts.TrimEnd(Path.DirectorySeparatorChar))!);
        var loadSeconds = load.Elapsed.TotalSeconds;
        await using var server = await ReferenceServer.StartAsync();
        using var run = new ConformanceRun(set, settings, server.BaseUriFor);
        var rows = set.Rows.ToList();
        await RunRowsAsync(run, settings, rows.Take(Math.Min(200, rows.Count)).ToList(), concurrency, report: false);
        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var failed = await RunRowsAsync(run, settings, rows, concurrency, report: true);
        ReportHook.Finish(run, settings, ScorecardFolder);
        var seconds = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $$"""{ "cases": {{rows.Count}}, "concurrency": {{concurrency}}, "seconds": {{seconds:0.000}}, "rate": {{rows.Count / seconds:0.0}}, "cpuSeconds": {{cpu:0.000}}, "cpuMsPerCase": {{1000 * cpu / rows.Count:0.000}}, "notPassed": {{failed}}, "packLoadSeconds": {{loadSeconds:0.000}} }"""));
        return failed == 0 ? 0 : 1;
    }

    private static async Task<int> RunRowsAsync(ConformanceRun run, SettingsSource settings, List<Tables.StatusRow> rows, int concurrency, bool report)
    {
        var next = -1;
        var notPassed = 0;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < rows.Count)
            {
                var result = await run.Runner.RunAsync(rows[i], CancellationToken.None);
                if (report)
                {
                    ReportHook.Case(run, settings, ScorecardFolder, result);
                }

                if (result.Verdict != Verdict.Passed)
                {
                    Interlocked.Increment(ref notPassed);
                }
            }
        });
        await Task.WhenAll(workers);
        return notPassed;
    }
}
