using Conformance.Contracts;
using Conformance.Framework.Tests.Corpus;
using Conformance.Reporting;
using Conformance.Reporting.Allure;
using Conformance.Reporting.Scorecard;
using Conformance.Tables;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>
/// The scorecard's "Since the previous run" must follow a case as Allure's history does. It keyed a row by its case
/// name, whose <c>with:</c> values are cut at 24 characters (the NUnit test name), and by <c>[row id]</c>, a place, where
/// two names were alike; Allure follows the row's history key (every argument in full, then its place among the rows
/// alike) and the expected status. A value changed after its 24th character was "passed -> failed" in the scorecard and
/// new in Allure; two rows alike but for that tail swapped their verdicts (the nightly audit).
/// </summary>
public sealed class ScorecardHistoryKeyTests
{
    private static readonly string First = "COM" + new string('0', 22) + "01";
    private static readonly string Second = "COM" + new string('0', 22) + "02";
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "conformance-scorecard-key-" + Guid.NewGuid().ToString("N"));

    private string Baseline => Path.Combine(scratch, "scorecard.json");

    [TearDown]
    public void RemoveScratch()
    {
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Test]
    public void Build_WithValueChangedAfterItsTwentyFourthCharacter_NewAsInAllure()
    {
        var before = Night("n1", passing: [First], Unknown(First));
        var after = Night("n2", passing: [], Unknown(Second));

        Assert.Multiple(() =>
        {
            Assert.That(after.Card.SincePrevious!.NewlyFailing, Is.Empty, "Allure shows the edited row as new, with no history");
            Assert.That((after.Card.SincePrevious.Compared, after.Card.SincePrevious.New), Is.EqualTo((0, 1)));
            Assert.That((after.Card.SincePrevious.Compared, after.Card.SincePrevious.New), Is.EqualTo(AsAllure(before.Results, after.Results)));
        });
    }

    [Test]
    public void Build_TwoRowsAlikeButAfterTheCutSwapped_EachComparedWithItself()
    {
        Night("n1", passing: [First], Unknown(First), Unknown(Second));
        var after = Night("n2", passing: [First], Unknown(Second), Unknown(First));

        Assert.Multiple(() =>
        {
            Assert.That(after.Card.Verdicts, Has.Count.EqualTo(2), "two rows, two verdicts");
            Assert.That(ScorecardMarkdown.Render(after.Card), Does.Contain("\n## Since the previous run\n\n2 case(s) in both runs: no verdict changed; 0 new.\n"));
        });
    }

    [Test]
    public void Build_RowAlikeButAfterTheCutAdded_TheOldRowStillCompared()
    {
        var before = Night("n1", passing: [First], Unknown(First));
        var after = Night("n2", passing: [First], Unknown(Second), Unknown(First));

        Assert.Multiple(() =>
        {
            Assert.That(ScorecardMarkdown.Render(after.Card), Does.Contain("\n## Since the previous run\n\n1 case(s) in both runs: no verdict changed; 1 new.\n"));
            Assert.That((after.Card.SincePrevious!.Compared, after.Card.SincePrevious.New), Is.EqualTo(AsAllure(before.Results, after.Results)));
        });
    }

    [Test]
    public void Render_TwoRowsAlikeButAfterTheCutAnswerUndocumented_EachNamed()
    {
        var night = Night("n1", passing: [], Unknown(First), Unknown(Second));

        Assert.That(ScorecardMarkdown.Render(night.Card), Does.EndWith(
            "\n- 500 x2: demo / get_thing / unknown_id(param=id, value=COM000000000000000000000...) -> 404 [get_thing.unknown_id.1], demo / get_thing / unknown_id(param=id, value=COM000000000000000000000...) -> 404 [get_thing.unknown_id.2]\n"));
    }

    [Test]
    public void Render_RowWithLongValues_KeyIsAlluresTestCaseIdNotTheValues()
    {
        var night = Night("n1", passing: [First], Unknown(First));
        var json = File.ReadAllText(Baseline);

        Assert.Multiple(() =>
        {
            Assert.That(night.Card.Verdicts.Keys, Is.EqualTo(new[] { $"demo/get_thing/unknown_id -> 404 #{new AllureResultBuilder(Scope(), "host1").Build(night.Results[0], "1@host1.1").Result.TestCaseId}" }));
            Assert.That(json, Does.Not.Contain(First[20..]), "a with: value (a cookie a table sends) is only in the hash, as in Allure's files");
        });
    }

    [Test]
    public void Build_ExpectedStatusChanged_NewAsInAllure()
    {
        var before = Night("n1", passing: [First], Unknown(First));
        var after = Night("n2", passing: [], Unknown(First).Replace("expect: 404", "expect: 400", StringComparison.Ordinal));

        Assert.That((after.Card.SincePrevious!.Compared, after.Card.SincePrevious.New), Is.EqualTo((0, 1)).And.EqualTo(AsAllure(before.Results, after.Results)));
    }

    [Test]
    public void Build_PactInteractionAndInvalidEntryInBothRuns_ComparedAsAllureFollowsThem()
    {
        var pact = new CaseResult("pact", "notes-api / a request for note 1", null, Verdict.Passed, "ok", null, [], [], null, Started, TimeSpan.Zero) { Suite = "notes-api" };
        var invalid = new CaseResult("demo", "contracts/demo/tables/things.yaml:30 (invalid)", null, Verdict.Broken, "Invalid contract: ...", null, [], [], null, Started, TimeSpan.Zero);
        var before = Night("n1", passing: [First], [pact, invalid], Unknown(First));
        var after = Night("n2", passing: [First], [pact with { Verdict = Verdict.Failed }, invalid], Unknown(First));

        Assert.Multiple(() =>
        {
            Assert.That((after.Card.SincePrevious!.Compared, after.Card.SincePrevious.New), Is.EqualTo((3, 0)).And.EqualTo(AsAllure(before.Results, after.Results)));
            Assert.That(after.Card.SincePrevious.NewlyFailing.Select(c => c.Case), Is.EqualTo(new[] { "notes-api / a request for note 1" }));
        });
    }

    /// <summary>Compared and new as Allure 3 counts them: a case is followed by its test case id and its parameters.</summary>
    private static (int Compared, int New) AsAllure(List<CaseResult> before, List<CaseResult> after)
    {
        var known = before.Select(AllureHistory).ToHashSet(StringComparer.Ordinal);
        var both = after.Count(r => known.Contains(AllureHistory(r)));
        return (both, after.Count - both);
    }

    private static string AllureHistory(CaseResult result)
    {
        var allure = new AllureResultBuilder(Scope(), "host1").Build(result, "1@host1.1").Result;
        return allure.TestCaseId + "." + string.Join(",", allure.Parameters.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}:{p.Value}"));
    }

    private static string Unknown(string value) => $"  - {{ op: get_thing, scenario: unknown_id, with: {{ param: id, value: \"{value}\" }}, expect: 404 }}";

    private (RunScorecard Card, List<CaseResult> Results) Night(string name, string[] passing, params string[] rows) => Night(name, passing, [], rows);

    /// <summary>One night: its rows loaded from a table, passing where their value is listed, compared with the night before's scorecard.json.</summary>
    private (RunScorecard Card, List<CaseResult> Results) Night(string name, string[] passing, CaseResult[] others, params string[] rows)
    {
        var loaded = Load(name, rows);
        var results = loaded.Rows.Select(r => passing.Contains(r.With["value"]!.GetValue<string>()) ? Passed(r, 404) : StatusMismatch(r, 500)).Concat(others).ToList();
        var card = ScorecardBuilder.Build([loaded.Pack!], loaded.Rows, results, ScorecardJson.ReadVerdicts(Baseline));
        File.WriteAllText(Baseline, ScorecardJson.Render(card));
        return (card, results);
    }

    private LoadedPack Load(string name, params string[] rows)
    {
        var dir = Path.Combine(scratch, name, "demo"); // the folder names the pack: demo, as the fixture's results
        CorpusCase.CopyBase(dir);
        File.WriteAllText(Path.Combine(dir, "tables", "added.yaml"), "rows:\n" + string.Join('\n', rows) + "\n");
        var loaded = PackLoader.Load(dir, dir);
        return loaded with { Rows = [.. loaded.Rows.Where(r => r.Location.Path.EndsWith("added.yaml", StringComparison.Ordinal))] };
    }
}
