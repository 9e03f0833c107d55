using static Conformance.Import.Tests.ImportSamplesRunTests;

namespace Conformance.Import.Tests;

/// <summary>The items of one list that miss their schema alike get one note, not one per item.</summary>
public sealed class ImportNoteCollapseRunTests
{
    [Test]
    public async Task Import_LongListOfItemsMissingTheirPattern_OneNoteForTheList()
    {
        // Audit: a list of 4096 items whose pattern the importer cannot meet printed 4096 notes.
        const string schema = """
            {"type":"object","required":["pins"],"properties":{
              "pins":{"type":"array","minItems":4096,"items":{"type":"string","pattern":"^(?=.*\\d)[a-z\\d]{4}$"}}}}
            """;
        using var folder = new ImportFolder();
        var (code, output, errors, _, _) = await ImportBodyAsync(folder, "pins", schema);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(Notes(output), Is.EqualTo(new[]
            {
                "note: the request body sample of create_thing at /pins/0 (and the 4095 items after it, drafted alike) must match pattern '^(?=.*\\d)[a-z\\d]{4}$' (within its minLength and maxLength), and the importer could not generate such a text: \"sample\" was drafted, write a matching value there by hand",
            }));
        });
    }

    [Test]
    public async Task Import_ItemsMissingTheirSchemaDifferently_OneNoteEach()
    {
        // Two items drafted differently are two places to fix: each keeps its note.
        const string schema = """
            {"type":"object","required":["a","b"],"properties":{
              "a":{"type":"string","pattern":"^(?=x)y$"},
              "b":{"type":"string","pattern":"^(?=x)z$"}}}
            """;
        using var folder = new ImportFolder();
        var (code, output, errors, _, _) = await ImportBodyAsync(folder, "two", schema);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(Notes(output), Has.Length.EqualTo(2));
            Assert.That(Notes(output), Has.Some.Contains(" at /a must match").And.Some.Contains(" at /b must match"));
        });
    }

    private static string[] Notes(string output) => [.. output.Split('\n').Where(l => l.StartsWith("note: the request body", StringComparison.Ordinal))];
}
