using Conformance.Engine;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// The suites app on GitHub Actions with <c>--report-gh</c> (Microsoft.Testing.Extensions.GitHubActionsReport): a
/// failing row becomes an <c>::error</c> annotation and a section of the job summary, with the configured token masked.
/// The copied notes pack gets one row the reference API fails (it answers 404 where the row expects 400).
/// </summary>
[NonParallelizable]
public sealed class GitHubReportRunTests
{
    private const string Token = "notes-reference-token";
    private const string Failing = "notes / get_note / unknown_id(param=note_id, value=77777777) -> 400";
    private TempFolder folder = null!;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) run;
    private string summary = string.Empty;

    [OneTimeSetUp]
    public async Task RunSuitesAsync()
    {
        folder = new TempFolder();
        var notes = PactFolderRun.CopyNotesPack(folder);
        await File.WriteAllTextAsync(Path.Combine(notes, "tables", "failing.yaml"),
            "rows:\n  - { op: get_note, scenario: unknown_id, with: { param: note_id, value: \"77777777\" }, expect: 400 }\n");
        var summaryFile = Path.Combine(folder.Path, "step-summary.md");
        run = await SuitesApp.RunAsync(
            "Category=unknown_id",
            Path.Combine(folder.Path, "results"),
            new Dictionary<string, string>
            {
                ["CONFORMANCE_CONFORMANCE_CONTRACTS"] = Path.Combine(folder.Path, "contracts"),
                ["CONFORMANCE_NOTES_TOKEN"] = Token,
                ["GITHUB_ACTIONS"] = "true",
                ["GITHUB_STEP_SUMMARY"] = summaryFile,
                ["GITHUB_WORKSPACE"] = RepoPaths.Root(),
            },
            "--report-gh");
        summary = File.Exists(summaryFile) ? await File.ReadAllTextAsync(summaryFile) : string.Empty;
    }

    [OneTimeTearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public void Run_FailingRow_AnnotatedAsAnError()
    {
        var errors = run.Output.Split('\n').Where(l => l.StartsWith("::error ", StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(run.Cases.Single(c => c.Name == Failing).Outcome, Is.EqualTo("Failed"));
            Assert.That(errors, Has.Count.EqualTo(1), run.Output);
            Assert.That(errors.Single(), Does.Contain(Failing).And.Contain("Status code mismatch / Expected: 400"));
        });
    }

    [Test]
    public void Run_FailingRow_InTheJobSummaryWithItsReproLine()
    {
        Assert.Multiple(() =>
        {
            Assert.That(summary, Does.Contain("| Total | Passed | Failed |"));
            Assert.That(summary, Does.Contain(Failing).And.Contain("Reproduce: curl -i -X GET"));
        });
    }

    [Test]
    public void Run_ConfiguredToken_NeitherInTheSummaryNorInTheAnnotations()
    {
        Assert.Multiple(() =>
        {
            Assert.That(summary, Does.Not.Contain(Token));
            Assert.That(run.Output, Does.Not.Contain(Token));
        });
    }
}
