using Conformance.Contracts;
using Conformance.Framework.Tests.Corpus;
using Conformance.Reporting;
using Conformance.Reporting.Allure;
using Conformance.Reporting.Scorecard;
using Conformance.Tables;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>
/// The first night after the upgrade compares with a scorecard.json written by the version before, whose verdicts are
/// keyed by case name (<c>with:</c> values cut at 24 characters) or by <c>&lt;case name&gt; [&lt;row id&gt;]</c>. A
/// complete name still names its row; a cut or shared one cannot be matched reliably: those cases are not compared that
/// night (never a flood of false "passed -> failed"), and the scorecard says so once.
/// </summary>
public sealed class ScorecardUpgradeTests
{
    private const string Older = "The previous scorecard.json was written with the older key format (case names, with: values cut at 24 characters): ";
    private static readonly string Long = "COM" + new string('0', 22) + "01";
    private static readonly string LongTwin = "COM" + new string('0', 22) + "02";
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "conformance-scorecard-upgrade-" + Guid.NewGuid().ToString("N"));

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
    public void Build_BaselineWithTheOlderKeys_CompleteNamesMatchedTheCutOneSaidOnce()
    {
        OlderBaseline(
            "demo / get_thing / unknown_id(param=id, value=999) -> 404",
            "demo / get_thing / unknown_id(param=id, value=0) -> 404",
            "demo / get_thing / unknown_id(param=id, value=COM000000000000000000000...) -> 404");

        var card = Tonight(passing: ["0"], Unknown("999"), Unknown("0"), Unknown(Long));

        Assert.That(ScorecardMarkdown.Render(card), Does.StartWith($"""
            # Conformance scorecard

            ## Since the previous run

            {Older}2 case(s) matched by their full name; 1 whose name was cut or shared by two rows could not be matched reliably, so its comparison starts from this run.

            2 case(s) in both runs: 1 newly failing, 0 fixed; 0 new.

            Newly failing:

            - demo / get_thing / unknown_id(param=id, value=999) -> 404 (passed -> failed)

            ## demo
            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Build_BaselineWithTheOlderKeysNoneMatchable_ComparisonStartsFromThisRun()
    {
        OlderBaseline(
            "demo / get_thing / unknown_id(param=id, value=COM000000000000000000000...) -> 404 [get_thing.unknown_id.1]",
            "demo / get_thing / unknown_id(param=id, value=COM000000000000000000000...) -> 404 [get_thing.unknown_id.2]");

        var card = Tonight(passing: [], Unknown(Long), Unknown(LongTwin));

        Assert.That(ScorecardMarkdown.Render(card), Does.StartWith($"""
            # Conformance scorecard

            ## Since the previous run

            {Older}no case could be matched reliably, so the comparison starts from this run.

            0 case(s) in both runs: no verdict changed; 0 new.

            ## demo
            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Finish_UpgradeNightThenTheNext_SaidOnceThenComparedByTheNewKeys()
    {
        var results = Path.Combine(scratch, "allure-results");
        Directory.CreateDirectory(results);
        File.WriteAllText(Path.Combine(results, "scorecard.json"), """{ "apis": [], "verdicts": { "demo / get_thing / valid -> 200": "passed" } }""");
        var valid = Row("valid", "get_thing", "valid", 200);

        var upgrade = Finished(results, Passed(valid, 200));
        var next = Finished(results, StatusMismatch(valid, 500));

        Assert.Multiple(() =>
        {
            Assert.That(upgrade, Does.Contain($"\n## Since the previous run\n\n{Older}1 case(s) matched by their full name.\n\n1 case(s) in both runs: no verdict changed; 0 new.\n"));
            Assert.That(next, Does.Contain("\n## Since the previous run\n\n1 case(s) in both runs: 1 newly failing, 0 fixed; 0 new.\n\nNewly failing:\n\n- demo / get_thing / valid -> 200 (passed -> failed)\n"));
            Assert.That(next, Does.Not.Contain("older key format"));
            Assert.That(File.ReadAllText(Path.Combine(results, "scorecard.json")), Does.Contain("\"verdictKeys\": \"history-key\""));
        });
        DeleteResults(results);
    }

    private static string Finished(string results, CaseResult result)
    {
        var writer = new AllureWriter(Scope(result.Row!), new ReportLocation(results, results), env: _ => null, gitHead: () => null);
        writer.Write(result);
        writer.Finish();
        return File.ReadAllText(Path.Combine(results, "scorecard.md"));
    }

    private void OlderBaseline(params string[] names)
    {
        Directory.CreateDirectory(scratch);
        File.WriteAllText(Baseline, "{\n  \"apis\": [],\n  \"verdicts\": {\n" + string.Join(",\n", names.Select(n => $"    \"{n}\": \"passed\"")) + "\n  }\n}\n");
    }

    private static string Unknown(string value) => $"  - {{ op: get_thing, scenario: unknown_id, with: {{ param: id, value: \"{value}\" }}, expect: 404 }}";

    private RunScorecard Tonight(string[] passing, params string[] rows)
    {
        var dir = Path.Combine(scratch, "tonight", "demo");
        CorpusCase.CopyBase(dir);
        File.WriteAllText(Path.Combine(dir, "tables", "added.yaml"), "rows:\n" + string.Join('\n', rows) + "\n");
        var loaded = PackLoader.Load(dir, dir);
        List<StatusRow> added = [.. loaded.Rows.Where(r => r.Location.Path.EndsWith("added.yaml", StringComparison.Ordinal))];
        var results = added.Select(r => passing.Contains(r.With["value"]!.GetValue<string>()) ? Passed(r, 404) : StatusMismatch(r, 500)).ToList();
        return ScorecardBuilder.Build([loaded.Pack!], added, results, ScorecardJson.ReadVerdicts(Baseline));
    }
}
