namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// The suites app with a misspelt environment variable (CT0305): one failing case names it and the setting it was
/// meant to be, never its value (it may be a secret); the other cases still run. The run is filtered to the notes pack
/// alone, as a team running one API would (`--filter Category=notes`): the typo's case is in that pack's category too.
/// </summary>
[NonParallelizable]
public sealed class SettingTypoRunTests
{
    private const string Value = "tok-typo-3f9a1c";
    private TempFolder folder = null!;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) run;

    [OneTimeSetUp]
    public async Task RunSuitesAsync()
    {
        folder = new TempFolder();
        run = await SuitesApp.RunAsync("Category=notes", Path.Combine(folder.Path, "results"), new Dictionary<string, string>
        {
            ["CONFORMANCE_NOTES_TOKN"] = Value,
            ["CONFORMANCE_CONFORMANCE_TIMINGS"] = Path.Combine(folder.Path, "timings.json"),
        });
    }

    [OneTimeTearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public void Run_MisspeltTokenVariable_OneFailingCaseSayingWhichWasMeant()
    {
        var typo = run.Cases.Where(c => c.Outcome == "Failed").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(typo.Select(c => c.Name), Is.EqualTo(new[] { "environment:CONFORMANCE_NOTES_TOKN:1 (invalid)" }), run.Output);
            Assert.That(typo.Single().Message, Does.Contain("error CT0305: Unknown setting 'CONFORMANCE_NOTES_TOKN'").And.Contain("Did you mean 'CONFORMANCE_NOTES_TOKEN'?"));
            Assert.That(run.ExitCode, Is.Not.Zero);
        });
    }

    [Test]
    public void Run_TwoKindsOfVerdictWithTimings_TeardownWritesTimingsAndScorecard()
    {
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(folder.Path, "timings.json")), Does.Contain("\"verdicts\": { \"passed\": 21, \"broken\": 1 }"));
            Assert.That(File.Exists(Path.Combine(folder.Path, "results", "allure-results", "scorecard.md")), Is.True, run.Output);
        });
    }

    [Test]
    public void Run_MisspeltTokenVariable_OtherCasesRunAndTheValueIsNowhere()
    {
        Assert.Multiple(() =>
        {
            Assert.That(run.Cases.Count(c => c.Outcome == "Passed"), Is.EqualTo(21), "every notes row ran against the reference API");
            Assert.That(run.Output, Does.Not.Contain(Value));
            Assert.That(Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories).Select(File.ReadAllText), Has.None.Contain(Value));
        });
    }
}
