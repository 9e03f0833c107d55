using Conformance.Engine;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// A report the run cannot write is never silent. Before, through <c>dotnet test</c>, `conformance.allureResults` naming
/// a file, `conformance.junit` naming a folder, or a write failing during the run each left a green run without the
/// report (the writer's message went to the test app's stderr, which is not shown, and a failure in the one-time
/// teardown is shown nowhere). Now a place that cannot take its report is CT0303 on every case, nothing sent, and a
/// write that fails during the run is one failing case at the end, the verdicts of the others kept.
/// </summary>
[NonParallelizable]
public sealed class ReportPlaceRunTests
{
    private TempFolder folder = null!;
    private string aFile = null!;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) misplaced;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) failedWrite;

    private string FailedWriteResults => Path.Combine(folder.Path, "failed-write", "allure-results");

    [OneTimeSetUp]
    public async Task RunSuitesAsync()
    {
        folder = new TempFolder();
        aFile = Path.Combine(folder.Path, "results.txt");
        File.WriteAllText(aFile, "not a folder");
        misplaced = await SuitesApp.RunAsync("Category=notes", Path.Combine(folder.Path, "misplaced"), new Dictionary<string, string>
        {
            ["CONFORMANCE_CONFORMANCE_ALLURERESULTS"] = aFile,
        });

        // environment.properties is written at the end of the run; a folder in its place makes that one write fail.
        Directory.CreateDirectory(Path.Combine(FailedWriteResults, "environment.properties"));
        // The contracts folder and the timings file each with a line break after them, as a secret store may give: trimmed.
        failedWrite = await SuitesApp.RunAsync("Category=notes", Path.Combine(folder.Path, "failed-write"), new Dictionary<string, string>
        {
            ["CONFORMANCE_CONFORMANCE_CONTRACTS"] = Path.Combine(RepoPaths.Root(), "contracts") + "\n",
            ["CONFORMANCE_CONFORMANCE_TIMINGS"] = Path.Combine(folder.Path, "timings.json") + "\n",
        });
        await RunWhileTheFolderIsHeldAsync();
    }

    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) heldElsewhere;

    private string HeldResults => Path.Combine(folder.Path, "held", "allure-results");

    /// <summary>Another run holds the results folder (its lock, taken here as that run would): this one is refused.</summary>
    private async Task RunWhileTheFolderIsHeldAsync()
    {
        Directory.CreateDirectory(HeldResults);
        File.WriteAllText(Path.Combine(HeldResults, "aaaa-result.json"), "{}");
        using var held = new FileStream(Path.Combine(HeldResults, ".conformance-run.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        heldElsewhere = await SuitesApp.RunAsync("Category=notes", Path.Combine(folder.Path, "held"), new Dictionary<string, string>());
    }

    [OneTimeTearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public void Run_AllureResultsNamesAFile_EveryCaseBrokenWithCT0303AndNothingSent()
    {
        Assert.Multiple(() =>
        {
            Assert.That(misplaced.Cases, Has.Count.EqualTo(21), misplaced.Output);
            Assert.That(misplaced.Cases.Select(c => c.Outcome).Distinct(), Is.EqualTo(new[] { "Failed" }));
            Assert.That(misplaced.Cases.Select(c => c.Message), Has.All.Contain(
                $"BROKEN (no verdict): Invalid run settings, no probe was sent:{Environment.NewLine}environment:CONFORMANCE_CONFORMANCE_ALLURERESULTS(1,1): error CT0303: {aFile} is a file, not a folder, conformance.allureResults (or CONFORMANCE_CONFORMANCE_ALLURERESULTS) names the folder the Allure results and the scorecard go to. Fix: Name a folder the run may write to (it is created when missing), or set conformance.allureResults=off."));
            Assert.That(File.ReadAllText(aFile), Is.EqualTo("not a folder"));
            Assert.That(misplaced.ExitCode, Is.EqualTo(2));
        });
    }

    [Test]
    public void Run_AWriteFailsDuringTheRun_OneFailingCaseAndTheVerdictsKept()
    {
        var failed = failedWrite.Cases.Where(c => c.Outcome == "Failed").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(failedWrite.Cases.Count(c => c.Outcome == "Passed"), Is.EqualTo(21), failedWrite.Output);
            Assert.That(failed.Select(c => c.Name), Is.EqualTo(new[] { "Conformance reports (not written)" }));
            Assert.That(failed.Single().Message, Is.EqualTo(
                $"Reports incomplete: 1 write of the run's reports failed, the first: UnauthorizedAccessException: Access to the path '{FailedWriteResults}/environment.properties' is denied. " +
                $"The cases ran and their verdicts stand, but the Allure results, the scorecard or the JUnit report are missing or partial. Fix: check that {FailedWriteResults} can be written (free space, permissions), or set conformance.allureResults=off."));
            Assert.That(failedWrite.Output, Does.Contain("failed Conformance reports (not written)"));
            Assert.That(File.Exists(Path.Combine(FailedWriteResults, "scorecard.md")), Is.True, "the other reports are written");
            Assert.That(File.Exists(Path.Combine(folder.Path, "timings.json")), Is.True, "the timings file's name trimmed");
            Assert.That(failedWrite.ExitCode, Is.EqualTo(2));
        });
    }

    [Test]
    public void Run_AnotherRunHoldsTheResultsFolder_EveryCaseBrokenAndNothingWrittenThere()
    {
        Assert.Multiple(() =>
        {
            Assert.That(heldElsewhere.Cases, Has.Count.EqualTo(21), heldElsewhere.Output);
            Assert.That(heldElsewhere.Cases.Select(c => c.Message), Has.All.Contain(
                $"environment:CONFORMANCE_CONFORMANCE_ALLURERESULTS(1,1): error CT0303: Another run is writing its reports to {HeldResults}, two runs in one folder take each other's files (each sets aside what it finds there and reuses it for its own), so neither report would be whole. Fix: Give this run a folder of its own (conformance.allureResults, or CONFORMANCE_CONFORMANCE_ALLURERESULTS), or start it when the other has ended."));
            Assert.That(Directory.GetFileSystemEntries(HeldResults).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { ".conformance-run.lock", "aaaa-result.json" }), "the other run's files are left alone");
            Assert.That(heldElsewhere.ExitCode, Is.EqualTo(2));
        });
    }
}
