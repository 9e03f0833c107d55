using Conformance.Contracts;
using Conformance.Framework.Tests.Corpus;
using Conformance.Reporting.Allure;
using Conformance.Tables;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>
/// Allure's history follows a case by its test case id and history id. A row without an <c>id:</c> must keep them when
/// the table around it changes: a row of the same operation and scenario added above it, or the two rows swapped. By
/// the row's position (<c>get_thing.unknown_id.1</c>) a row added above took over the history of the row it pushed
/// down, and Allure showed the new row as regressed and the old one as new (the nightly audit, docs/reporting.md).
/// </summary>
public sealed class HistoryAcrossTableEditsTests
{
    private const string Known = "  - { op: get_thing, scenario: unknown_id, with: { param: id, value: \"999\" }, expect: 404 }";
    private const string Added = "  - { op: get_thing, scenario: unknown_id, with: { param: id, value: \"0\" }, expect: 404 }";
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "conformance-history-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void RemoveScratch()
    {
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Test]
    public void Build_RowOfTheSameScenarioAddedAbove_RowKeepsItsHistoryAndTheNewRowGetsNone()
    {
        var before = Identities("before", Known);
        var after = Identities("after", Added, Known);

        Assert.Multiple(() =>
        {
            Assert.That(after["999"], Is.EqualTo(before["999"]));
            Assert.That(after["0"].TestCaseId, Is.Not.EqualTo(before["999"].TestCaseId));
            Assert.That(after["0"].HistoryId, Is.Not.EqualTo(before["999"].HistoryId));
        });
    }

    [Test]
    public void Build_TwoRowsOfTheSameScenarioSwapped_EachKeepsItsHistory()
    {
        var before = Identities("before", Known, Added);
        var after = Identities("after", Added, Known);

        Assert.That(after, Is.EquivalentTo(before));
    }

    [Test]
    public void Build_RowsAlikeButForTheirChecks_DistinctIdentities()
    {
        var rows = Load("alike", "  - { op: get_thing, scenario: valid, expect: 200 }", "  - { op: get_thing, scenario: valid, expect: 200, description: second }");
        var ids = rows.Select(r => Build(r).TestCaseId).ToList();

        Assert.That(ids.Distinct().Count(), Is.EqualTo(2));
    }

    [Test]
    public void Build_RowWithoutArguments_IdentityAsItsDefaultIdGave()
    {
        var row = Load("plain", "  - { op: get_thing, scenario: valid, expect: 200 }").Single();

        Assert.That(Build(row).TestCaseId, Is.EqualTo(Build(row with { HistoryKey = null }).TestCaseId));
    }

    [Test]
    public void Build_RowWithAnId_IdsAsTheyWereBeforeTheScorecardSharedTheirKey()
    {
        var result = Build(Row("valid", "get_thing", "valid", 200));

        Assert.That((result.TestCaseId, result.HistoryId), Is.EqualTo(("8ccb55e998483d12a21524923b77c236", "d682834de56154aa3ee7d34683e90003")), "sha-256 of demo/get_thing/valid/valid, and of it after history:");
    }

    private Dictionary<string, (string TestCaseId, string HistoryId)> Identities(string name, params string[] rows) =>
        Load(name, rows).ToDictionary(r => r.With["value"]!.GetValue<string>(), r => (Build(r).TestCaseId, Build(r).HistoryId));

    private static AllureResult Build(StatusRow row) => new AllureResultBuilder(Scope(row), "host1").Build(Passed(row, 200), "1@host1.1").Result;

    private List<StatusRow> Load(string name, params string[] rows)
    {
        var dir = Path.Combine(scratch, name, "demo"); // the folder names the pack, and the pack is part of the identity
        CorpusCase.CopyBase(dir);
        File.WriteAllText(Path.Combine(dir, "tables", "added.yaml"), "rows:\n" + string.Join('\n', rows) + "\n");
        return [.. PackLoader.Load(dir, dir).Rows.Where(r => r.Location.Path.EndsWith("added.yaml", StringComparison.Ordinal))];
    }
}
