using System.Text.Json.Nodes;
using Conformance.Pact.Tests.Export;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// The suites' pact verification end to end (suites/PactSuite.cs): the built suites app, pointed at a folder of pact
/// files by CONFORMANCE_PACT_FOLDER, verifies every interaction against the embedded reference API as its own case.
/// The folder holds the exported notes pact with one interaction planted to expect 418, and a file that is no pact.
/// </summary>
[NonParallelizable]
public sealed class PactSuiteRunTests
{
    private const string Api = "notes";
    private TempFolder folder = null!;
    private string faultyDescription = null!;
    private int faultyOriginalStatus;
    private int interactions;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) run;

    [OneTimeSetUp]
    public async Task RunSuitesAsync()
    {
        folder = new TempFolder();
        var pact = JsonNode.Parse(await File.ReadAllTextAsync(ExportedPacks.File(Api)))!;
        var list = pact["interactions"]!.AsArray();
        interactions = list.Count;
        var planted = list[0]!;
        faultyDescription = planted["description"]!.GetValue<string>();
        faultyOriginalStatus = planted["response"]!["status"]!.GetValue<int>();
        planted["response"]!["status"] = 418;
        run = await PactFolderRun.RunAsync(folder, "FullyQualifiedName~PactSuite", new Dictionary<string, string>
        {
            ["notes.json"] = pact.ToJsonString(),
            ["broken.json"] = "{ this is not a pact",
        });
    }

    [OneTimeTearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public void Run_PactFolder_OneCasePerInteractionPlusOneForTheUnreadableFile()
    {
        Assert.Multiple(() =>
        {
            Assert.That(run.Cases, Has.Count.EqualTo(interactions + 1), run.Output);
            Assert.That(run.Cases.Select(c => c.Name), Has.All.StartWith("pact / "));
        });
    }

    [Test]
    public void Run_PlantedStatus_ThatInteractionFailsWithTheVerifiersMismatch()
    {
        var planted = run.Cases.Single(c => c.Name == "pact / " + faultyDescription);

        Assert.Multiple(() =>
        {
            Assert.That(planted.Outcome, Is.EqualTo("Failed"));
            Assert.That(planted.Message, Is.EqualTo($"expected 418 but was {faultyOriginalStatus}"));
        });
    }

    [Test]
    public void Run_FaithfulInteractions_AllPass()
    {
        var others = run.Cases.Where(c => c.Name != "pact / " + faultyDescription && !c.Name.EndsWith("(invalid)", StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(others, Has.Count.EqualTo(interactions - 1), run.Output);
            Assert.That(others.Where(c => c.Outcome != "Passed").Select(c => $"{c.Name}: {c.Outcome} {c.Message}"), Is.Empty);
        });
    }

    [Test]
    public void Run_FileThatIsNoPact_OneFailingCaseSayingWhatToFix()
    {
        var broken = run.Cases.Single(c => c.Name == "pact / broken.json (invalid)");
        var file = Path.Combine(folder.Path, "pacts", "broken.json");

        Assert.Multiple(() =>
        {
            Assert.That(broken.Outcome, Is.EqualTo("Failed"));
            Assert.That(broken.Message, Does.StartWith($"The pact file '{file}' could not be read: "));
            Assert.That(broken.Message, Does.EndWith(". Fix: give a pact file (JSON with provider.name and interactions) or remove it from pact.files / pact.folder."));
        });
    }

    [Test]
    public void Run_AnyCaseFailed_ExitCodeSaysSo()
    {
        // Microsoft.Testing.Platform: 2 = at least one test failed.
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
    }
}
