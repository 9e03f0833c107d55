using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Reporting;
using Conformance.Reporting.Allure;
using Conformance.Tables;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>
/// The shipped packs under <c>contracts/</c>, loaded as the suites load them (<c>PackLoader.LoadAll</c>, the display root the
/// contracts folder's parent): each row's Allure ids are the same from one load to the next, one per row across every pack,
/// and change with what names the case (operation, scenario, <c>with:</c> value; the expected status through the parameters
/// Allure 3 adds to the test case id: <c>@allurereport/core</c> 3.18.0 <c>calculateHistoryId</c>), not with what must not
/// split a case's history (where the checkout is, a comment line, a description, a <c>known:</c> marker, tags, the base URL,
/// the token, the time of the run, the verdict).
/// </summary>
public sealed class ShippedHistoryIdsTests
{
    private static readonly string Shipped = Path.Combine(RepoPaths.Root(), "contracts");
    private const string NotesTable = "notes/tables/status.yaml";
    private const string UnknownNote = "{ op: get_note, scenario: unknown_id, with: { param: note_id, value: \"99999999\" }, expect: 404 }";
    private const string NoteNoAuth = "{ op: get_note, scenario: no_auth, expect: 401 }";
    private const string WrongType = "{ op: create_note, scenario: wrong_content_type, expect: [201, 400] }";
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "conformance-shipped-ids-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void RemoveScratch()
    {
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Test]
    public void LoadAll_ShippedPacksLoadedTwice_EveryRowKeepsItsIds()
    {
        var first = Ids(Load(Shipped));
        var second = Ids(Load(Shipped));

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void LoadAll_ShippedPacks_EveryRowLoadsWithIdsOfItsOwn()
    {
        var contracts = Load(Shipped);
        var rows = contracts.Rows.ToList();

        Assert.Multiple(() =>
        {
            Assert.That(contracts.Invalid.Select(e => e.Message), Is.Empty, "a shipped row left out would be a case whose ids go unchecked");
            Assert.That(contracts.Packs.Select(p => p.Rows.Count), Has.All.GreaterThan(0));
            Assert.That(rows.Select(r => CaseIdentity.For(r).TestCaseId), Is.Unique);
            Assert.That(rows.Select(r => CaseIdentity.For(r).HistoryId), Is.Unique);
            Assert.That(rows.Select(Allure3Key), Is.Unique);
        });
    }

    [Test]
    public void LoadAll_CopyElsewhereWithCommentsDescriptionKnownAndTags_EveryRowKeepsItsIds()
    {
        var copy = Copy();
        Edit(copy, NotesTable, "rows:\n", "# a comment that moves every row down a line\nrows:\n");
        Edit(copy, NotesTable, UnknownNote, UnknownNote.Replace("expect: 404 }", "expect: 404, description: \"edited\", known: \"API-1: tracked\", tags: [smoke] }", StringComparison.Ordinal));

        var edited = Load(copy);

        Assert.Multiple(() =>
        {
            Assert.That(Ids(edited), Is.EqualTo(Ids(Load(Shipped))));
            Assert.That(edited.Rows.Single(r => r.Description == "edited").Known, Is.EqualTo("API-1: tracked"), "the edit reached the row");
        });
    }

    [TestCase(UnknownNote, "value: \"99999999\"", "value: \"99999998\"", "get_note", "unknown_id", TestName = "LoadAll_WithValueChanged_OnlyThatRowGetsNewIds")]
    [TestCase(NoteNoAuth, "scenario: no_auth", "scenario: bad_auth", "get_note", "bad_auth", TestName = "LoadAll_ScenarioChanged_OnlyThatRowGetsNewIds")]
    public void LoadAll_WhatNamesTheCaseChanged_OnlyThatRowGetsNewIds(string row, string from, string to, string operation, string scenario)
    {
        var before = Ids(Load(Shipped));
        var copy = Copy();
        Edit(copy, NotesTable, row, row.Replace(from, to, StringComparison.Ordinal));

        var after = Ids(Load(copy));
        var changed = after.Except(before).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(changed.Select(c => (c.Operation, c.Scenario)), Is.EqualTo(new[] { (operation, scenario) }));
            Assert.That(before.Except(after).Count(), Is.EqualTo(1), "the old ids end, every other row's stay");
            Assert.That(before.Select(b => b.TestCaseId), Does.Not.Contain(changed[0].TestCaseId));
            Assert.That(before.Select(b => b.HistoryId), Does.Not.Contain(changed[0].HistoryId));
        });
    }

    [Test]
    public void LoadAll_ExpectedStatusChanged_Allure3FollowsItAsAnotherCase()
    {
        var copy = Copy();
        Edit(copy, NotesTable, WrongType, WrongType.Replace("[201, 400]", "400", StringComparison.Ordinal));

        var before = Load(Shipped).Rows.Single(r => r.ScenarioId == "wrong_content_type" && r.OperationId == "create_note");
        var after = Load(copy).Rows.Single(r => r.ScenarioId == "wrong_content_type" && r.OperationId == "create_note");

        Assert.Multiple(() =>
        {
            Assert.That(CaseIdentity.For(after).TestCaseId, Is.EqualTo(CaseIdentity.For(before).TestCaseId));
            Assert.That(Allure3Key(after), Is.Not.EqualTo(Allure3Key(before)));
            Assert.That(Allure3Key(after).Parameters, Does.Contain("expected status:400"));
        });
    }

    [Test]
    public void Build_AnotherBaseUrlTokenTimeAndVerdict_SameIdsAndParametersForEveryShippedRow()
    {
        var contracts = Load(Shipped);
        var rows = contracts.Rows.ToList();
        var packs = contracts.Packs.Select(p => p.Pack!).ToList();
        var night = new ReportScope(packs, rows, packs.ToDictionary(p => p.Name, p => new Uri($"http://127.0.0.1:41234/{p.Name}/")), new Redactor([Secret], ["Authorization"]));
        var staging = new ReportScope(packs, rows, packs.ToDictionary(p => p.Name, p => new Uri($"https://staging.example.test/{p.Name}/v2/")), new Redactor(["tok-2f9a41c7d3e8b605"], ["Authorization"]));

        var first = rows.Select(r => Written(night, Passed(r, 200) with { Api = r.Api }, "1@host1.1")).ToList();
        var later = rows.Select(r => Written(staging, StatusMismatch(r, 500) with { Api = r.Api, Started = ReportFixture.Started.AddDays(1).AddHours(3) }, "7@ci-runner-4.2")).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(later, Is.EqualTo(first));
            Assert.That(first, Has.Count.EqualTo(rows.Count));
        });
    }

    [Test]
    public void LoadAll_InvalidRowInContractsFolderOfAnotherName_KeepsItsIdsAndOnlyItsOwn()
    {
        var plain = Copy();
        var renamed = Copy(Path.Combine(scratch, "nightly", "packs-under-test"));
        foreach (var folder in new[] { plain, renamed })
        {
            Edit(folder, NotesTable, NoteNoAuth, NoteNoAuth.Replace("expect: 401 }", "expext: 401 }", StringComparison.Ordinal));
            Edit(folder, "ranges/tables/status.yaml", "rows:\n", "rows:\n  - { op: no_such_operation, scenario: valid, expect: 200 }\n");
        }

        var first = Load(plain).Invalid.Select(CaseIdentity.For).ToList();
        var second = Load(renamed).Invalid.Select(CaseIdentity.For).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(second.Select(c => c.RowKey), Has.Some.StartsWith("packs-under-test/notes/"), "the case still names the folder it was read from");
            Assert.That(second.Select(c => (c.TestCaseId, c.HistoryId, c.Scenario)), Is.EqualTo(first.Select(c => (c.TestCaseId, c.HistoryId, c.Scenario))));
            Assert.That(first.Select(c => c.Scenario), Is.EqualTo(new[] { "notes/tables/status.yaml", "ranges/tables/status.yaml" }));
            Assert.That(first.Select(c => c.TestCaseId), Is.Unique);
        });
    }

    /// <summary>What Allure follows a written result by: Allure 2 its historyId, Allure 3 its testCaseId and parameters.</summary>
    private static (string TestCaseId, string HistoryId, string FullName, string Parameters) Written(ReportScope scope, CaseResult result, string thread)
    {
        var written = new AllureResultBuilder(scope, "host").Build(result, thread).Result;
        return (written.TestCaseId, written.HistoryId, written.FullName, Parameters(written.Parameters));
    }

    /// <summary>
    /// The two parts of Allure 3's history id (<c>md5(testCaseId).md5(parameters)</c>, the parameters sorted by name and
    /// written <c>name:value</c>, joined by commas), unhashed.
    /// </summary>
    private static (string TestCaseId, string Parameters) Allure3Key(StatusRow row)
    {
        var written = new AllureResultBuilder(Scope(row), "host").Build(Passed(row, 200) with { Api = row.Api }, "1@host.1").Result;
        return (written.TestCaseId, Parameters(written.Parameters));
    }

    private static string Parameters(IEnumerable<AllureParameter> parameters) =>
        string.Join(",", parameters.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal).Select(p => $"{p.Name}:{p.Value}"));

    private static List<(string Api, string Operation, string Scenario, string TestCaseId, string HistoryId)> Ids(ContractSet contracts) =>
        [.. contracts.Rows.Select(r => CaseIdentity.For(r)).Select(c => (c.Api, c.Operation, c.Scenario, c.TestCaseId, c.HistoryId))];

    private static ContractSet Load(string contracts) => PackLoader.LoadAll(contracts, Path.GetDirectoryName(contracts)!);

    /// <summary>The shipped contracts copied to another folder, as another checkout or CI runner has them.</summary>
    private string Copy(string? to = null)
    {
        var copy = to ?? Path.Combine(scratch, "elsewhere", "contracts");
        foreach (var file in Directory.EnumerateFiles(Shipped, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    private static void Edit(string contracts, string table, string from, string to)
    {
        var file = Path.Combine(contracts, table);
        var text = File.ReadAllText(file);
        Assert.That(text, Does.Contain(from), $"{table} no longer has the row this test edits");
        File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
    }
}
