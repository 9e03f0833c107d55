namespace Conformance.Import.Tests;

/// <summary>
/// A write that fails partway: a folder the import made is removed again, so "Nothing was written." is true; over an
/// existing folder (--force) the files written before the failure are listed instead.
/// </summary>
public sealed class ImportWriteFailureRunTests
{
    // Responses 200 (Item) and 422 (a component whose file name is longer than a file system takes, 255 bytes): api.yaml,
    // tables/status.yaml and schemas/Item.schema.json are written before that file fails.
    private static readonly string LongName = new('L', 260);

    private static readonly string Document = """
        {"openapi":"3.0.3","info":{"title":"Partial","version":"1"},"paths":{"/items":{"post":{"operationId":"createItem",
          "requestBody":{"content":{"application/json":{"schema":{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}}}}},
          "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}},
                       "422":{"description":"no","content":{"application/json":{"schema":{"$ref":"#/components/schemas/LONG"}}}}}}}},
         "components":{"schemas":{"Item":{"type":"object"},"LONG":{"type":"object"}}}}
        """.Replace("LONG", LongName, StringComparison.Ordinal);

    [Test]
    public async Task RunAsync_WriteFailsPartwayIntoANewFolder_FolderRemovedNothingWritten()
    {
        // Audit: api.yaml, tables/status.yaml and a schema file stayed in the new folder under "Nothing was written."
        using var folder = new ImportFolder();
        var document = Path.Combine(folder.Path, "partial.json");
        await File.WriteAllTextAsync(document, Document);
        var parent = Path.Combine(folder.Path, "new");
        var pack = Path.Combine(parent, "partial");

        var (code, output, errors) = await ImportFolder.RunAsync(document, "--name", "partial", "--out", pack);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2), output);
            Assert.That(errors, Does.StartWith($"arguments(1,1): error CT0402: the pack could not be written to '{pack}' ("));
            Assert.That(errors, Does.EndWith("[--force]\nNothing was written.\n"));
            Assert.That(Directory.Exists(parent), Is.False, "the folders the import made are gone");
        });
    }

    [Test]
    public async Task RunAsync_WriteFailsPartwayOverAnExistingPack_ListsTheFilesWritten()
    {
        // Audit: --force over a pack whose schemas/ holds a folder where the draft writes a file said "Nothing was
        // written." after replacing api.yaml and tables/status.yaml.
        using var folder = new ImportFolder();
        var document = Path.Combine(folder.Path, "partial.json");
        await File.WriteAllTextAsync(document, Document.Replace(LongName, "Problem", StringComparison.Ordinal));
        var pack = Path.Combine(folder.Path, "partial");
        Directory.CreateDirectory(Path.Combine(pack, "schemas", "Problem.schema.json"));
        await File.WriteAllTextAsync(Path.Combine(pack, "api.yaml"), "earlier");
        await File.WriteAllTextAsync(Path.Combine(pack, "notes.txt"), "kept");

        var (code, output, errors) = await ImportFolder.RunAsync(document, "--name", "partial", "--out", pack, "--force");

        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2), output);
            Assert.That(lines, Has.Length.EqualTo(2), errors);
            Assert.That(lines[0], Does.StartWith($"arguments(1,1): error CT0402: the pack could not be written to '{pack}' ("));
            Assert.That(lines[^1], Is.EqualTo($"Written before the failure: api.yaml, tables/status.yaml, schemas/Item.schema.json (3 of 4 files; schemas/Problem.schema.json was not). The pack in '{pack}' is incomplete: fix the cause, then run the import again with --force."));
            Assert.That(File.ReadAllText(Path.Combine(pack, "api.yaml")), Does.StartWith("# Drafted by"));
            Assert.That(File.Exists(Path.Combine(pack, "notes.txt")), Is.True);
        });
    }
}
