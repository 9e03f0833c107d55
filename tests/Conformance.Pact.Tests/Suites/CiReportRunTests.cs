using Conformance.Engine;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// The suites app as on GitHub Actions and Azure Pipelines at once, with <c>--report-gh</c> and <c>--report-azdo</c>
/// (Microsoft.Testing.Extensions.GitHubActionsReport and .AzureDevOpsReport): a failing row becomes an <c>::error</c>
/// annotation, a section of the job summary and a <c>##vso[task.logissue type=error]</c> line, the configured token
/// masked everywhere. The copied notes pack gets one row the reference API fails (it answers 404 where it expects 400).
/// </summary>
[NonParallelizable]
public sealed class CiReportRunTests
{
    private const string Token = "notes-reference-token";
    private const string Failing = "notes / get_note / unknown_id(param=note_id, value=77777777) -> 400";
    private TempFolder folder = null!;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) run;
    private string summary = string.Empty;
    private string junit = string.Empty;

    [OneTimeSetUp]
    public async Task RunSuitesAsync()
    {
        folder = new TempFolder();
        var contracts = PactFolderRun.NotesPackWithRows(folder, "failing.yaml",
            "rows:\n  - { op: get_note, scenario: unknown_id, with: { param: note_id, value: \"77777777\" }, expect: 400 }\n");
        var summaryFile = Path.Combine(folder.Path, "step-summary.md");
        var junitFile = Path.Combine(folder.Path, "reports", "junit.xml");
        run = await SuitesApp.RunAsync(
            "Category=unknown_id",
            Path.Combine(folder.Path, "results"),
            new Dictionary<string, string>
            {
                ["CONFORMANCE_CONFORMANCE_CONTRACTS"] = contracts,
                ["CONFORMANCE_NOTES_TOKEN"] = Token,
                ["CONFORMANCE_CONFORMANCE_JUNIT"] = junitFile,
                ["GITHUB_ACTIONS"] = "true",
                ["GITHUB_STEP_SUMMARY"] = summaryFile,
                ["GITHUB_WORKSPACE"] = RepoPaths.Root(),
                ["TF_BUILD"] = "true",
            },
            "--report-gh",
            "--report-azdo");
        summary = File.Exists(summaryFile) ? await File.ReadAllTextAsync(summaryFile) : string.Empty;
        junit = File.Exists(junitFile) ? await File.ReadAllTextAsync(junitFile) : string.Empty;
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
    public void Run_FailingRow_LoggedAsAnAzurePipelinesError()
    {
        var issues = run.Output.Split('\n').Where(l => l.StartsWith("##vso[task.logissue type=error", StringComparison.Ordinal)).ToList();

        Assert.That(issues, Has.Count.EqualTo(1), run.Output);
        Assert.That(issues.Single(), Does.Contain(Failing).And.Contain("Status code mismatch / Expected: 400"));
    }

    [Test]
    public void Run_FailingRow_InTheJobSummaryWithItsReproLine()
    {
        Assert.Multiple(() =>
        {
            Assert.That(summary, Does.Contain("| Total | Passed | Failed |"));
            Assert.That(summary, Does.Contain(Failing).And.Contain("Reproduce: curl -i -X GET"));
            Assert.That(summary, Does.Contain("# Conformance scorecard").And.Contain("## notes (Notes & Customers API)"), "the scorecard is on the summary page too");
        });
    }

    [Test]
    public void Run_ConfiguredToken_NeitherInTheSummaryNorInTheCiLines()
    {
        Assert.Multiple(() =>
        {
            Assert.That(summary, Does.Not.Contain(Token));
            Assert.That(run.Output, Does.Not.Contain(Token));
            Assert.That(junit, Does.Not.Contain(Token));
        });
    }

    [Test]
    public void Run_JUnitFileConfigured_EveryCaseInItTheFailingRowAFailureAtItsLine()
    {
        Assert.That(junit, Is.Not.Empty, run.Output);
        var cases = System.Xml.Linq.XDocument.Parse(junit).Descendants("testcase").ToList();
        var failing = cases.Single(c => c.Attribute("name")!.Value == Failing);

        Assert.Multiple(() =>
        {
            Assert.That(cases.Select(c => c.Attribute("name")!.Value), Is.EquivalentTo(run.Cases.Select(c => c.Name)));
            Assert.That(failing.Element("failure")!.Attribute("message")!.Value, Does.StartWith("status_code_conformance: Status code mismatch / Expected: 400"));
            Assert.That(failing.Attribute("file")!.Value, Does.EndWith("notes/tables/failing.yaml"));
            Assert.That(failing.Attribute("line")!.Value, Is.EqualTo("2"));
            Assert.That(cases.Where(c => c != failing).Select(c => c.HasElements), Has.All.False, "the other cases passed");
            Assert.That(run.Output, Does.Contain("junit.xml"), "listed among the run's artifacts");
        });
    }
}
