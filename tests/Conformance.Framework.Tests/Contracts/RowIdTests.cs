using Conformance.Contracts;
using Conformance.Framework.Tests.Corpus;

namespace Conformance.Framework.Tests.Contracts;

/// <summary>
/// A row's default id (<c>op.scenario.n</c>) is what Allure's fullName and the run's messages name it by, so it counts
/// only the rows of its own operation and scenario: adding a row elsewhere changes no other id. (Allure's history
/// follows the row's history key, which also survives a row added to its own scenario: HistoryAcrossTableEditsTests.)
/// </summary>
public sealed class RowIdTests
{
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "conformance-rowid-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void RemoveScratch()
    {
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Test]
    public void Load_DefaultIds_CountedPerOperationAndScenario()
    {
        var pack = Load("before",
            "  - { op: get_thing, scenario: valid, expect: 200 }",
            "  - { op: get_thing, scenario: no_auth, expect: 401 }",
            "  - { op: get_thing, scenario: valid, expect: 200, description: second }");

        Assert.That(Ids(pack), Is.EqualTo(new[] { "get_thing.valid.1", "get_thing.no_auth.1", "get_thing.valid.2" }));
    }

    [Test]
    public void Load_RowAddedAboveOthers_TheirIdsUnchanged()
    {
        string[] rows = ["  - { op: get_thing, scenario: valid, expect: 200 }", "  - { op: get_thing, scenario: no_auth, expect: 401 }"];

        var before = Load("before", rows);
        var after = Load("after", ["  - { op: create_thing, scenario: missing_field, with: { field: name }, expect: 400 }", .. rows]);

        Assert.That(Ids(after).Skip(1), Is.EqualTo(Ids(before)));
    }

    private LoadedPack Load(string name, params string[] rows)
    {
        var dir = Path.Combine(scratch, name);
        CorpusCase.CopyBase(dir);
        File.WriteAllText(Path.Combine(dir, "tables", "added.yaml"), "rows:\n" + string.Join('\n', rows) + "\n");
        return PackLoader.Load(dir, dir);
    }

    private static List<string> Ids(LoadedPack pack) =>
        pack.Rows.Where(r => r.Location.Path.EndsWith("added.yaml", StringComparison.Ordinal)).Select(r => r.Id).ToList();
}
