namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// <c>--filter Category=last_failed</c> through the suites app (suites/CaseSource.cs): a night over three tagged rows of a
/// copied notes pack, one failing (the reference API answers 404 where it expects 400), one passing, one failing as a
/// known issue; then the rerun selects the failing one alone. A scorecard.json that cannot be read is one warning case.
/// </summary>
[NonParallelizable]
public sealed class LastFailedRunTests
{
    private const string Failing = "notes / get_note / unknown_id(param=note_id, value=66666661) -> 400";
    private TempFolder folder = null!;
    private string contracts = null!;

    private string Results => Path.Combine(folder.Path, "results");

    [SetUp]
    public void CopyPack()
    {
        folder = new TempFolder();
        contracts = PactFolderRun.NotesPackWithRows(folder, "rerun.yaml", """
            rows:
              - { op: get_note, scenario: unknown_id, with: { param: note_id, value: "66666661" }, expect: 400, tags: [night] }
              - { op: get_note, scenario: unknown_id, with: { param: note_id, value: "66666662" }, expect: 404, tags: [night] }
              - { op: get_note, scenario: unknown_id, with: { param: note_id, value: "66666663" }, expect: 400, known: "NOTES-41: unknown ids answer 404", tags: [night] }
            """);
    }

    [TearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public async Task Run_FilterLastFailedAfterANight_OnlyTheCaseThatFailedRuns()
    {
        var night = await RunAsync("Category=night");
        var rerun = await RunAsync("Category=last_failed");

        Assert.Multiple(() =>
        {
            Assert.That(night.Cases, Has.Count.EqualTo(3), night.Output);
            Assert.That(rerun.Cases.Select(c => $"{c.Name}: {c.Outcome}"), Is.EqualTo(new[] { $"{Failing}: Failed" }), rerun.Output);
            Assert.That(rerun.ExitCode, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Run_FilterLastFailedWithoutAPreviousRun_NoCaseExit8()
    {
        var rerun = await RunAsync("Category=last_failed");

        Assert.Multiple(() =>
        {
            Assert.That(rerun.Cases, Is.Empty);
            Assert.That(rerun.ExitCode, Is.EqualTo(8), rerun.Output);
        });
    }

    [Test]
    public async Task Run_FilterLastFailedWithACorruptScorecard_OneWarningCaseAndTheRunSucceeds()
    {
        var scorecard = Path.Combine(Results, "allure-results", "scorecard.json");
        Directory.CreateDirectory(Path.GetDirectoryName(scorecard)!);
        await File.WriteAllTextAsync(scorecard, "oops: a disk full cut the file");

        var rerun = await RunAsync("Category=last_failed");

        Assert.Multiple(() =>
        {
            Assert.That(rerun.Cases.Select(c => $"{c.Name}: {c.Outcome}"), Is.EqualTo(new[] { "scorecard.json of the previous run (not read): Passed" }), rerun.Output);
            Assert.That(rerun.Output, Does.Contain(
                $"The previous run's scorecard was not read ({scorecard}): it is not valid JSON ('o' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 0.). "
                + "No case of the packs is in the category last_failed this run, so --filter Category=last_failed runs none of them. "
                + "Fix: delete the file, or put back the scorecard.json of a run that finished; each finished run writes a new one."));
            Assert.That(rerun.ExitCode, Is.Zero);
        });
    }

    [Test]
    public async Task Run_FilteredRunWithoutTheUnknownSettingCase_ItsVerdictIsKept()
    {
        // A misspelt variable (CT0305) is a case of its own, in the notes category: a run filtered to a tag leaves it out.
        const string Typo = "CONFORMANCE_NOTES_TOKN";
        var scorecard = Path.Combine(Results, "allure-results", "scorecard.json");
        await RunAsync("Category=notes", Typo);
        var night = Verdicts(scorecard);
        var typo = night.Where(v => v.Key.Contains(Typo, StringComparison.Ordinal)).ToList();

        var filtered = await RunAsync("Category=night", Typo);

        Assert.Multiple(() =>
        {
            Assert.That(typo.Select(v => v.Value), Is.EqualTo(new[] { "broken" }), string.Join(", ", night.Keys));
            Assert.That(filtered.Cases, Has.Count.EqualTo(3), filtered.Output);
            Assert.That(Verdicts(scorecard), Does.ContainKey(typo[0].Key).WithValue("broken"));
        });
    }

    [Test]
    public async Task Run_FilteredRunWithoutThePactSettings_ThePactVerdictIsKeptAsNotRunThisTime()
    {
        // The night verifies a pact whose interaction fails; a run filtered to a tag, without pact.folder, cannot tell
        // whether the interaction is still in the pacts: the next night would compare it with nothing.
        var pacts = Directory.CreateDirectory(Path.Combine(folder.Path, "pacts")).FullName;
        await File.WriteAllTextAsync(Path.Combine(pacts, "notes.json"), PactFolderRun.NotesPact(PactFolderRun.Read("a note read without a token, expecting 200", null, 200, "/v1/notes/11001")));
        var scorecard = Path.Combine(Results, "allure-results", "scorecard.json");
        await RunAsync("Category=pact", pacts: pacts);
        var pact = Verdicts(scorecard).Where(v => v.Key.StartsWith("pact/", StringComparison.Ordinal)).ToList();

        var filtered = await RunAsync("Category=night");

        var kept = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(scorecard))!;
        Assert.Multiple(() =>
        {
            Assert.That(pact.Select(v => v.Value), Is.EqualTo(new[] { "failed" }), File.ReadAllText(scorecard));
            Assert.That(filtered.Cases, Has.Count.EqualTo(3), filtered.Output);
            Assert.That(Verdicts(scorecard), Does.ContainKey(pact[0].Key).WithValue("failed"), kept.ToJsonString());
            Assert.That(kept["notRunThisTime"]!.AsArray().Select(k => k!.GetValue<string>()), Does.Contain(pact[0].Key), kept.ToJsonString());
        });
    }

    private static Dictionary<string, string> Verdicts(string scorecard) =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(scorecard))!["verdicts"]!.AsObject()
            .ToDictionary(v => v.Key, v => v.Value!.GetValue<string>(), StringComparer.Ordinal);

    /// <param name="typo">An environment variable no setting has (CT0305), set for the run, or null.</param>
    /// <param name="pacts">The pact folder of the run (pact.folder), or null for a run without pact settings.</param>
    private Task<(int ExitCode, IReadOnlyList<TrxCase> Cases, string Output)> RunAsync(string filter, string? typo = null, string? pacts = null)
    {
        var environment = new Dictionary<string, string> { ["CONFORMANCE_CONFORMANCE_CONTRACTS"] = contracts };
        if (typo is not null)
        {
            environment[typo] = "tok-typo-5b2e";
        }

        if (pacts is not null)
        {
            environment["CONFORMANCE_PACT_FOLDER"] = pacts;
        }

        return SuitesApp.RunAsync(filter, Results, environment, "--output", "detailed");
    }
}
