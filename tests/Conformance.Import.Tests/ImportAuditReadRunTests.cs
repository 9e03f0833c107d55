using static Conformance.Import.Tests.ImportRunTests;

namespace Conformance.Import.Tests;

/// <summary>
/// What an audit of the importer found when reading documents and writing packs: crashes (a stack trace, exit 134) that
/// are now a CT0401/CT0402 line, and reader rule findings that refused whole documents and are now notes.
/// </summary>
public sealed class ImportAuditReadRunTests
{
    [TestCase("swagger: \"1.2\"\ninfo: {title: T}\n", "1.2")]
    [TestCase("openapi: 4.0.0\ninfo: {title: T, version: \"1\"}\npaths:\n  /a:\n    get:\n      responses: {\"200\": {description: ok}}\n", "4.0.0")]
    public async Task RunAsync_UnsupportedVersion_Ct0401NotACrash(string yaml, string version)
    {
        // Audit: OpenApiUnsupportedSpecVersionException left the importer unhandled (a stack trace, exit 134). It is at
        // the version's value (the reader gives no place; it was at the file's start, 1,1).
        using var folder = new ImportFolder();
        var document = Path.Combine(folder.Path, "old.yaml");
        await File.WriteAllTextAsync(document, yaml);
        var pack = Path.Combine(folder.Path, "old");

        var (code, _, errors) = await ImportFolder.RunAsync(document, "--name", "old", "--out", pack);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(errors, Does.Contain($"old.yaml(1,10): error CT0401: the document could not be read (OpenAPI specification version '{version}' is not supported), a pack is drafted only from a readable OpenAPI 3.x document with operations. Fix: "));
            Assert.That(errors, Does.EndWith("Nothing was written.\n"));
            Assert.That(Directory.Exists(pack), Is.False);
        });
    }

    [Test]
    public async Task RunAsync_OutUnderAFile_Ct0402NotACrash()
    {
        // Audit: --out whose parent is a file threw DirectoryNotFoundException out of the writer.
        using var folder = new ImportFolder();
        var file = Path.Combine(folder.Path, "afile");
        await File.WriteAllTextAsync(file, "x");
        var document = Path.Combine(folder.Path, "ok.json");
        await File.WriteAllTextAsync(document, """{"openapi":"3.1.0","info":{"title":"T","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"ok"}}}}}}""");

        var (code, _, errors) = await ImportFolder.RunAsync(document, "--name", "ok", "--out", Path.Combine(file, "ok"));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(errors, Does.StartWith($"arguments(1,1): error CT0402: --out '{Path.Combine(file, "ok")}' cannot be a folder, '{file}' is a file, a pack is a folder of files. Fix: "));
            Assert.That(errors, Does.EndWith("Nothing was written.\n"));
        });
    }

    [Test]
    public async Task Import_OpenApi31WithBooleanExclusiveMinimum_TheBoundIsExclusive()
    {
        // Audit: 3.0's "exclusiveMinimum: true" left in a 3.1 document was written back by the reader as the text True
        // (no JSON), and the importer crashed on it (JsonReaderException, exit 134).
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportInlineAsync(folder, "excl", """
            {"openapi":"3.1.0","info":{"title":"Excl","version":"1"},"paths":{"/items":{"get":{"operationId":"listItems",
              "parameters":[{"in":"query","name":"n","required":true,"schema":{"type":"number","minimum":10,"exclusiveMinimum":true}},
                            {"in":"query","name":"m","required":true,"schema":{"type":"integer","maximum":5,"exclusiveMaximum":false}}],
              "responses":{"200":{"description":"ok"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(double.Parse(loaded.Pack!.Operations["list_items"].Query.Single(q => q.Key == "n").Value, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(10));
            Assert.That(int.Parse(loaded.Pack!.Operations["list_items"].Query.Single(q => q.Key == "m").Value, System.Globalization.CultureInfo.InvariantCulture), Is.LessThanOrEqualTo(5));
        });
    }

    [Test]
    public async Task Import_ReaderRuleFindings_NotesNotFatal()
    {
        // Audit: GitHub's own spec was refused for "The path signature '/users/{}/attestations/{}' MUST be unique", and
        // Redocly's discriminator example because the discriminator property is not required: rule findings of the
        // reader, not parse errors. They are notes now; the draft goes on.
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportInlineAsync(folder, "rules", """
            {"openapi":"3.0.3","info":{"title":"Rules","version":"1"},"paths":{
              "/users/{name}/a/{id}":{"get":{"operationId":"one","parameters":[{"in":"path","name":"name","required":true,"schema":{"type":"string"}},{"in":"path","name":"id","required":true,"schema":{"type":"string"}}],"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Pet"}}}}}}},
              "/users/{user}/a/{key}":{"get":{"operationId":"two","parameters":[{"in":"path","name":"user","required":true,"schema":{"type":"string"}},{"in":"path","name":"key","required":true,"schema":{"type":"string"}}],"responses":{"200":{"description":"ok"}}}}},
             "components":{"schemas":{"Pet":{"type":"object","discriminator":{"propertyName":"kind"},"properties":{"kind":{"type":"string"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Pack!.Operations.Keys, Is.EquivalentTo(new[] { "one", "two" }));
            Assert.That(output, Does.Contain("note: the reader's rule PathMustBeUnique finds: The path signature '/users/{}/a/{}' MUST be unique at #/paths/~1users~1{user}~1a~1{key} (not a parse error: drafted anyway)\n"));
            Assert.That(output, Does.Contain("note: the reader's rule ValidateSchemaDiscriminator finds: Schema  must contain property specified in the discriminator kind in the required field list at #/components/schemas/Pet/discriminator (not a parse error: drafted anyway)\n"));
        });
    }
}
