using System.Text.Json.Nodes;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// <c>--filter Category=last_failed</c> over pact interactions through the suites app: a night verifies two interactions
/// against the embedded reference API, one passing (401 without a token, as the pact says) and one failing (it expects
/// 200 without a token); the rerun selects the failing one alone, and its scorecard.json keeps the passing one's verdict,
/// marked as not run this time.
/// </summary>
[NonParallelizable]
public sealed class PactLastFailedRunTests
{
    private const string Failing = "pact / notes / a note read without a token, expecting 200";
    private TempFolder folder = null!;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) rerun;
    private JsonNode night = null!;
    private JsonNode afterRerun = null!;

    [OneTimeSetUp]
    public async Task NightThenRerunAsync()
    {
        folder = new TempFolder();
        var pacts = new Dictionary<string, string>
        {
            ["notes.json"] = PactFolderRun.NotesPact(
                PactFolderRun.Read("a note read without a token", null, 401, "/v1/notes/11001"),
                PactFolderRun.Read("a note read without a token, expecting 200", null, 200, "/v1/notes/11001")),
        };
        var scorecard = Path.Combine(folder.Path, "results", "allure-results", "scorecard.json");
        var first = await PactFolderRun.RunAsync(folder, "Category=pact", pacts);
        night = JsonNode.Parse(await File.ReadAllTextAsync(scorecard))!;
        Assert.That(first.Cases.Select(c => $"{c.Name}: {c.Outcome}"), Is.EquivalentTo(new[] { "pact / notes / a note read without a token: Passed", $"{Failing}: Failed" }), first.Output);
        rerun = await PactFolderRun.RunAsync(folder, "Category=last_failed", pacts);
        afterRerun = JsonNode.Parse(await File.ReadAllTextAsync(scorecard))!;
    }

    [OneTimeTearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public void Run_FilterLastFailedAfterANight_OnlyTheFailingInteractionRuns()
    {
        Assert.Multiple(() =>
        {
            Assert.That(rerun.Cases.Select(c => $"{c.Name}: {c.Outcome}"), Is.EqualTo(new[] { $"{Failing}: Failed" }), rerun.Output);
            Assert.That(rerun.ExitCode, Is.EqualTo(2));
        });
    }

    [Test]
    public void Run_RerunLeavesThePassingInteractionOut_ItsVerdictIsKeptAndMarkedNotRunThisTime()
    {
        var nightVerdicts = Verdicts(night);
        var passing = nightVerdicts.Where(v => v.Value == "passed").Select(v => v.Key).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(passing, Has.Count.EqualTo(1), night.ToJsonString());
            Assert.That(Verdicts(afterRerun), Is.EquivalentTo(nightVerdicts), afterRerun.ToJsonString());
            Assert.That(afterRerun["notRunThisTime"]?.AsArray().Select(k => k!.GetValue<string>()), Is.EqualTo(passing), afterRerun.ToJsonString());
        });
    }

    private static Dictionary<string, string> Verdicts(JsonNode scorecard) =>
        scorecard["verdicts"]!.AsObject().ToDictionary(v => v.Key, v => v.Value!.GetValue<string>(), StringComparer.Ordinal);
}
