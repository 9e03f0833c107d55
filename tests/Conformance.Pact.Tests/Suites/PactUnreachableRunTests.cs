using System.Text.Json;
using Conformance.Framework.Tests.Hostile;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// A pact verified against a target where nothing listens (suites/PactSuite.cs): no response to compare is no verdict
/// on the contract, so the case is BROKEN (as the rows are, in their words), not a failed interaction.
/// </summary>
[NonParallelizable]
public sealed class PactUnreachableRunTests
{
    private TempFolder folder = null!;
    private int port;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) run;

    [OneTimeSetUp]
    public async Task RunSuitesAsync()
    {
        folder = new TempFolder();
        using var closed = new ClosedPort();
        port = closed.Port;
        var pact = PactFolderRun.ANotePact();
        run = await PactFolderRun.RunAsync(
            folder,
            "FullyQualifiedName~PactSuite",
            new Dictionary<string, string> { ["notes-web-notes.json"] = pact },
            new Dictionary<string, string> { ["CONFORMANCE_NOTES_BASEURL"] = $"http://127.0.0.1:{port}/" });
    }

    [OneTimeTearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public void Run_NothingListens_BrokenWithTheReasonAndTheFix()
    {
        var only = run.Cases.Single();

        Assert.Multiple(() =>
        {
            Assert.That(only.Outcome, Is.EqualTo("Failed"), run.Output);
            Assert.That(only.Message, Is.EqualTo(
                $"BROKEN (no verdict): Target unreachable (refused): Connection refused by 127.0.0.1:{port}: nothing listens there. Check notes.baseUrl (CONFORMANCE_NOTES_BASEURL)."),
                "the notes pack's limits pace the verifier, through the forwarder: the case says what the target did, as a row would");
        });
    }

    [Test]
    public void Run_NothingListens_AllureResultBroken()
    {
        var statuses = Directory.EnumerateFiles(Path.Combine(folder.Path, "results"), "*-result.json", SearchOption.AllDirectories)
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement)
            .Where(r => r.GetProperty("name").GetString()!.StartsWith("pact / ", StringComparison.Ordinal))
            .Select(r => r.GetProperty("status").GetString());

        Assert.That(statuses, Is.EqualTo(new[] { "broken" }));
    }
}
