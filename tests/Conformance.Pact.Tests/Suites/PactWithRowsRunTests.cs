using System.Text.Json.Nodes;
using Conformance.Pact.Tests.Export;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// The exported notes pact verified in the same run as the notes rows, both against the embedded reference API
/// (suites/PactVerifications.cs). Both delete the same disposable note; each gets its own reference API, so both pass.
/// </summary>
[NonParallelizable]
public sealed class PactWithRowsRunTests
{
    private TempFolder folder = null!;
    private int interactions;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) run;

    [OneTimeSetUp]
    public async Task RunSuitesAsync()
    {
        folder = new TempFolder();
        var pact = await File.ReadAllTextAsync(ExportedPacks.File("notes"));
        interactions = JsonNode.Parse(pact)!["interactions"]!.AsArray().Count;
        run = await PactFolderRun.RunAsync(folder, "FullyQualifiedName~PactSuite|Category=notes", new Dictionary<string, string> { ["notes.json"] = pact });
    }

    [OneTimeTearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public void Run_PactAndRowsTogether_EveryCasePasses()
    {
        var pactCases = run.Cases.Count(c => c.Name.StartsWith("pact / ", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(pactCases, Is.EqualTo(interactions), run.Output);
            Assert.That(run.Cases.Count - pactCases, Is.EqualTo(ExportedPacks.Contracts.Rows.Count(r => r.Api == "notes")));
            Assert.That(run.Cases.Where(c => c.Outcome != "Passed").Select(c => $"{c.Name}: {c.Outcome} {c.Message}"), Is.Empty);
            Assert.That(run.ExitCode, Is.Zero);
        });
    }

    [Test]
    public void Run_Always_ListsTheScorecardFilesAtTheEnd()
    {
        var scorecard = Path.Combine(folder.Path, "results", "allure-results", "scorecard.md");

        Assert.Multiple(() =>
        {
            Assert.That(run.Output, Does.Contain("file artifacts produced:"));
            Assert.That(run.Output, Does.Contain(scorecard).And.Contain(Path.ChangeExtension(scorecard, ".json")));
            Assert.That(File.Exists(scorecard), Is.True);
        });
    }
}
