using Conformance.Engine;
using Conformance.ReferenceApi;

namespace Conformance.Suites;

/// <summary>Starts the embedded reference API when some pack has no configured target, and stops it after the run.</summary>
[SetUpFixture]
public sealed class RunSetup
{
    private ReferenceServer? reference;

    /// <summary><c>conformance.timings</c>, trimmed as ReportPlaces checked it before the run.</summary>
    private static string? TimingsFile => SuiteContext.Settings.Get("conformance", "timings")?.Trim();

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var contracts = SuiteContext.Contracts;
        if (ConformanceRun.NeedsReference(contracts, SuiteContext.Settings))
        {
            reference = await ReferenceServer.StartAsync();
        }

        RunTimings.MarkSetUp(TimingsFile);
        var server = reference;
        SuiteContext.Run = new ConformanceRun(contracts, SuiteContext.Settings, server is null ? null : server.BaseUriFor, SuiteContext.ResultsRoot)
        {
            // Every case the suites hold beside the packs' rows and entries, run or not: a filtered run keeps the verdicts of those it left out.
            SettingEntries = SuiteContext.SettingEntries,
            PactInteractions = PactCaseSource.Interactions(),
        };
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        // A failure in this teardown is shown nowhere by NUnit under the test platform (the run stays green), so each
        // report that could not be written becomes one failing case at the end (ReportArtifacts), and one report's failure
        // never keeps the others from being written. Not when the run's settings are invalid: every case says so already.
        var problems = new List<string>();
        try
        {
            RunTimings.Write(TimingsFile, SuiteContext.Results);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Add($"Timings not written: {ex.GetType().Name}: {ex.Message.TrimEnd('.')}. Fix: check conformance.timings names a file that can be written.");
        }

        var (files, problem) = Reporting.Allure.ReportHook.Finish(SuiteContext.Run, SuiteContext.Settings, SuiteContext.ResultsRoot);
        ReportArtifacts.Add(files); // run-level files + scorecard, listed at the end
        problems.AddRange(problem is null ? [] : [problem]);
        if (SuiteContext.Run is { RunSettingErrors.Count: 0 })
        {
            ReportArtifacts.Fail(problems);
        }

        SuiteContext.Run?.Dispose();
        SuiteContext.Release();
        if (reference is not null)
        {
            await reference.DisposeAsync();
        }

        // After this teardown NUnit and the test platform build their report of every case (about 170 MiB more at
        // 10,000 cases). The run's results are garbage now; collecting them first keeps them out of that peak
        // (10,000 rows: 533 MiB peak resident without this, bench/README.md).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
