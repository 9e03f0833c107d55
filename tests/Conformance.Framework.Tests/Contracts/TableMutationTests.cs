using Conformance.Contracts;
using Conformance.Framework.Tests.Corpus;

namespace Conformance.Framework.Tests.Contracts;

/// <summary>
/// A table damaged at random (a character deleted, a tab, a colon, a brace or a quote inserted, a line indented) never
/// stops the loader: each of its rows is loaded or is part of an invalid entry, and a damaged row never takes an intact
/// row with it when the damage is inside that row's own lines.
/// </summary>
public sealed class TableMutationTests
{
    private static readonly string[] Rows =
    [
        "rows:",
        "  - { op: get_thing, scenario: valid, expect: 200, id: r1 }",
        "  - op: get_thing",
        "    scenario: no_auth",
        "    expect: 401",
        "    id: r2",
        "  - { op: create_thing, scenario: missing_field, with: { field: name }, expect: 400, id: r3 }",
        "  - op: get_thing",
        "    scenario: unknown_id",
        "    with: { param: id }",
        "    expect: [400, 404]",
        "    id: r4",
        "  - { op: get_thing, scenario: valid, expect: 200, id: r5, description: \"the last row\" }",
    ];

    private static readonly string[] Inserts = ["\t", ": ", "{", "}", "[", "\"", "'", "&a ", "*a ", "- ", "#"];

    private readonly string scratch = Path.Combine(Path.GetTempPath(), "conformance-mutation-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void RemoveScratch()
    {
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Test]
    public void Load_TwoHundredDamagedCopies_NeverThrowsAndRowsOutsideTheDamageStillLoad()
    {
        var random = new Random(20261130);
        CorpusCase.CopyBase(scratch);
        var table = Path.Combine(scratch, "tables", "bad.yaml");
        var (recovered, whole) = (0, 0);
        var lost = new List<string>();
        for (var copy = 0; copy < 200; copy++)
        {
            var lines = (string[])Rows.Clone();
            var line = random.Next(1, lines.Length);
            var at = random.Next(0, lines[line].Length + 1);
            lines[line] = random.Next(3) switch
            {
                0 when lines[line].Length > 0 => lines[line].Remove(Math.Min(at, lines[line].Length - 1), 1),
                1 => " " + lines[line],
                _ => lines[line].Insert(at, Inserts[random.Next(Inserts.Length)]),
            };
            File.WriteAllText(table, string.Join('\n', lines) + "\n");

            var pack = PackLoader.Load(scratch, scratch);

            var loaded = pack.Rows.Where(r => r.Location.Path.EndsWith("bad.yaml", StringComparison.Ordinal)).Select(r => r.Id).ToList();
            var invalid = pack.Invalid.Count(i => i.Location.Path.EndsWith("bad.yaml", StringComparison.Ordinal));
            var damaged = Id(line);
            var intact = new[] { "r1", "r2", "r3", "r4", "r5" }.Where(id => id != damaged && id != Id(line + 1) && id != Id(line - 1));
            var context = $"copy {copy}, line {line + 1}: {lines[line]}";
            Assert.That(loaded.Count + invalid, Is.GreaterThan(0), context);
            whole += invalid > 0 && loaded.Count == 0 ? 1 : 0;
            if (invalid > 0 && loaded.Count == 0)
            {
                lost.Add(context + " => " + pack.Invalid.First(i => i.Location.Path.EndsWith("bad.yaml", StringComparison.Ordinal)).Message);
            }

            if (invalid > 0 && loaded.Count > 0)
            {
                recovered++;
                // Recovered entry by entry: every row away from the damaged line is still there.
                Assert.That(loaded, Is.SupersetOf(intact), context);
            }
        }

        // Damage YAML cannot read costs its row, not the file: few copies lose every row.
        Assert.That(lost, Is.Empty);
    }

    /// <summary>The id of the row the (0-based) line belongs to.</summary>
    private static string? Id(int line) => line switch
    {
        1 => "r1",
        >= 2 and <= 5 => "r2",
        6 => "r3",
        >= 7 and <= 11 => "r4",
        12 => "r5",
        _ => null,
    };
}
