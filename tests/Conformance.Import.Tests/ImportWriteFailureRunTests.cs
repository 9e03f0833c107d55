namespace Conformance.Import.Tests;

/// <summary>
/// A write that fails partway: a folder the import made is removed again, so "Nothing was written." is true; over an
/// existing folder (--force) the files written before the failure are listed instead.
/// </summary>
public sealed class ImportWriteFailureRunTests
{
    // Responses 200 (Item) and 422 (a component of 200 characters, the longest name kept as it is): in a folder whose
    // path is long enough, api.yaml, tables/status.yaml and schemas/Item.schema.json are written before that file's path
    // is longer than the file system takes (4096 bytes), and its write fails.
    private static readonly string LongName = new('L', SchemaFileName.MaxStem);

    // What CT0402 says for a write the file system refused: what the options say does not help there.
    private const string Refused = ", the file system refused a file of the pack. Fix: Check that the disk has room, that the folder and its files may be written and that the path in the reason above is one the file system takes (not too long, no file where a folder goes), then run the import again.";

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
        var pack = parent;
        while (pack.Length < 3900)
        {
            pack = Path.Combine(pack, new string('d', 200));
        }

        pack = Path.Combine(pack, "partial");
        var failing = Path.Combine(pack, "schemas", LongName + ".schema.json");

        var (code, output, errors) = await ImportFolder.RunAsync(document, "--name", "partial", "--out", pack);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2), output);
            Assert.That(errors, Is.EqualTo($"arguments(1,1): error CT0402: the pack could not be written to '{pack}' (The path '{failing}' is too long, or a component of the specified path is too long){Refused}\nNothing was written.\n"));
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
            Assert.That(lines[0], Is.EqualTo($"arguments(1,1): error CT0402: the pack could not be written to '{pack}' (Access to the path '{Path.Combine(pack, "schemas", "Problem.schema.json")}' is denied){Refused}"));
            Assert.That(lines[^1], Is.EqualTo($"Written before the failure: api.yaml, tables/status.yaml, schemas/Item.schema.json (3 of 4 files; schemas/Problem.schema.json was not). The pack in '{pack}' is incomplete: fix the cause, then run the import again with --force."));
            Assert.That(File.ReadAllText(Path.Combine(pack, "api.yaml")), Does.StartWith("# Drafted by"));
            Assert.That(File.Exists(Path.Combine(pack, "notes.txt")), Is.True);
        });
    }
}
