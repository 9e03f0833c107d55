namespace Conformance.Import.Tests;

/// <summary>A re-import with --force replaces the files it writes and leaves every other file as it is.</summary>
public sealed class ImportForceRunTests
{
    private const string WithRows = """
        {"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{"/things/{id}":{"get":{"operationId":"getThing",
          "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer"}}],
          "responses":{"200":{"description":"ok"},"404":{"description":"not found"}}}}}}
        """;

    private const string Rowless = """
        {"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{"/things/{id}":{"get":{"operationId":"getThing",
          "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer"}}],
          "responses":{"403":{"description":"forbidden"}}}}}}
        """;

    [Test]
    public async Task Import_ForceWithNoRowOverAnEarlierTable_TableKeptAndNamedInANote()
    {
        // A draft with no row deleted the earlier tables/status.yaml, with the rows a person had written into it.
        using var folder = new ImportFolder();
        var document = Path.Combine(folder.Path, "things.json");
        var pack = Path.Combine(folder.Path, "things");
        await File.WriteAllTextAsync(document, WithRows);
        var (first, firstOutput, firstErrors) = await ImportFolder.RunAsync(document, "--name", "things", "--out", pack);
        var table = Path.Combine(pack, "tables", "status.yaml");
        var edited = await File.ReadAllTextAsync(table) + "  # a reviewer's comment\n";
        await File.WriteAllTextAsync(table, edited);

        await File.WriteAllTextAsync(document, Rowless);
        var (_, output, errors) = await ImportFolder.RunAsync(document, "--name", "things", "--out", pack, "--force");

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.Zero, firstOutput + firstErrors);
            Assert.That(File.Exists(table) ? File.ReadAllText(table) : "(deleted)", Is.EqualTo(edited), output + errors);
            Assert.That(output, Does.Contain("note: tables/status.yaml is not this draft's (it has no row) and was left as it is: check its rows against the operations now in api.yaml\n"));
        });
    }
}
