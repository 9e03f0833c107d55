namespace Conformance.Import.Tests;

/// <summary>
/// A document split over files (found by hand on 2026-12-02): the importer read only the file it was given, so a
/// response schema in another file got no body contract (a note), and a path item, a parameter, a response or a request
/// body from another file was missing. Fixtures/split is Fixtures/whole written over eight files (YAML and JSON, in
/// folders, referring up with ../, a schema referring to another file's, a schema recursive across two files).
/// </summary>
public sealed class ImportSplitDocumentRunTests
{
    [Test]
    public async Task Import_SplitOverFiles_DraftsThePackOfTheSameDocumentInOneFile()
    {
        using var folder = new ImportFolder();
        var split = Path.Combine(folder.Path, "split", "things");
        var whole = Path.Combine(folder.Path, "whole", "things");
        var (code, output, errors) = await ImportFolder.RunAsync(ImportFolder.Fixture(Path.Combine("split", "openapi.yaml")), "--name", "things", "--out", split);
        var (wholeCode, wholeOutput, _) = await ImportFolder.RunAsync(ImportFolder.Fixture(Path.Combine("whole", "openapi.yaml")), "--name", "things", "--out", whole);

        var files = Directory.GetFiles(split, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(split, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Multiple(() =>
        {
            Assert.That((code, wholeCode), Is.EqualTo((0, 0)), output + errors);
            Assert.That(output, Does.Not.Contain("note:"));
            Assert.That(output, Does.StartWith($"Drafted pack 'things' in {split}: 3 operation(s), 4 row(s), 6 schema file(s), 8 file(s) written.\n"));
            Assert.That(files, Is.EqualTo(Directory.GetFiles(whole, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(whole, f)).Order(StringComparer.Ordinal)));
            foreach (var file in files)
            {
                Assert.That(File.ReadAllText(Path.Combine(split, file)), Is.EqualTo(File.ReadAllText(Path.Combine(whole, file))), file);
            }

            Assert.That(files, Is.EqualTo(new[]
            {
                "api.yaml", "schemas/Branch.schema.json", "schemas/Error.schema.json", "schemas/Owner.schema.json", "schemas/Thing.schema.json",
                "schemas/Tree.schema.json", "schemas/list_things-200.schema.json", "tables/status.yaml",
            }.Select(f => f.Replace('/', Path.DirectorySeparatorChar))));
            Assert.That(File.ReadAllText(Path.Combine(split, "api.yaml")), Does.Contain("    body: {\"name\":\"Ada\",\"id\":123456789012345678901234567890}\n"));
            Assert.That(File.ReadAllText(Path.Combine(split, "schemas", "Thing.schema.json")), Does.Contain("\"enum\": [\n        1e400,\n        123456789012345678901234567890,\n        0.5\n      ]"));
            Assert.That(File.ReadAllText(Path.Combine(split, "schemas", "Branch.schema.json")), Does.Contain("\"$ref\": \"Tree.schema.json\""));
            Assert.That(wholeOutput, Does.Not.Contain("note:"));
        });
    }

    [Test]
    public async Task Import_Swagger2SplitOverFiles_DraftsThePackOfTheSameDocumentInOneFile()
    {
        using var folder = new ImportFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "split"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "whole"));
        const string Head = "swagger: '2.0'\ninfo: { title: S, version: '1' }\npaths:\n  /pets:\n    get:\n      parameters:\n";
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "split", "api.yaml"), Head + "        - $ref: 'params.yaml#/Limit'\n      responses:\n        '200': { description: ok, schema: { $ref: 'defs.json#/Pet' } }\n");
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "split", "params.yaml"), "Limit: { name: limit, in: query, required: true, type: integer, minimum: 2, multipleOf: 2 }\n");
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "split", "defs.json"), """{"Pet":{"type":"object","properties":{"tag":{"$ref":"#/Tag"}}},"Tag":{"type":"string","enum":["a","1"]}}""");
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "whole", "api.yaml"), Head + "        - { name: limit, in: query, required: true, type: integer, minimum: 2, multipleOf: 2 }\n      responses:\n        '200': { description: ok, schema: { $ref: '#/definitions/Pet' } }\n"
            + "definitions:\n  Pet: { type: object, properties: { tag: { $ref: '#/definitions/Tag' } } }\n  Tag: { type: string, enum: [a, '1'] }\n");

        var (code, output, errors) = await ImportFolder.RunAsync(Path.Combine(folder.Path, "split", "api.yaml"), "--name", "pets", "--out", Path.Combine(folder.Path, "split", "pets"));
        var (wholeCode, _, _) = await ImportFolder.RunAsync(Path.Combine(folder.Path, "whole", "api.yaml"), "--name", "pets", "--out", Path.Combine(folder.Path, "whole", "pets"));

        string Read(string side, params string[] file) => File.ReadAllText(Path.Combine([folder.Path, side, "pets", .. file]));
        Assert.Multiple(() =>
        {
            Assert.That((code, wholeCode), Is.EqualTo((0, 0)), output + errors);
            Assert.That(Read("split", "api.yaml"), Is.EqualTo(Read("whole", "api.yaml")));
            Assert.That(Read("split", "api.yaml"), Does.Contain("    query: {\"limit\":\"2\"}\n"));
            Assert.That(Read("split", "schemas", "Pet.schema.json"), Is.EqualTo(Read("whole", "schemas", "Pet.schema.json")));
            Assert.That(Read("split", "schemas", "Tag.schema.json"), Is.EqualTo(Read("whole", "schemas", "Tag.schema.json")));
        });
    }

    [Test]
    public async Task Import_ComponentCalledLikeAnExtension_FollowedFromItsFileAndAnExtensionNot()
    {
        using var folder = new ImportFolder();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "p.yaml"), "Limit: { name: limit, in: query, required: true, schema: { type: integer, example: 7 } }\n");
        var (code, output, errors) = await folder.ImportAsync("named.yaml", """
            openapi: 3.0.3
            info: { title: N, version: "1" }
            paths:
              /t:
                x-note: { $ref: "nowhere.yaml" }
                get:
                  parameters:
                    - $ref: "#/components/parameters/x-limit"
                  responses:
                    "200": { description: ok }
            components:
              parameters:
                x-limit: { $ref: "p.yaml#/Limit" }
            """u8.ToArray());

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(File.ReadAllText(Path.Combine(folder.Path, "named", "api.yaml")), Does.Contain("    query: {\"limit\":\"7\"}\n"));
        });
    }

    [Test]
    public async Task Import_ExampleAndHeaderFromFiles_TheExampleDraftsTheBodyExactly()
    {
        using var folder = new ImportFolder();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "examples.yaml"), "First:\n  value: { n: 123456789012345678901234567890, code: \"1\" }\n");
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "headers.yaml"), "Rate: { schema: { type: integer } }\n");
        var (code, output, errors) = await folder.ImportAsync("ex.yaml", """
            openapi: 3.0.3
            info: { title: E, version: "1" }
            paths:
              /t:
                post:
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: { type: object, properties: { n: { type: integer }, code: { type: string } } }
                        examples: { first: { $ref: "examples.yaml#/First" } }
                  responses:
                    "200":
                      description: ok
                      headers: { x-rate: { $ref: "headers.yaml#/Rate" } }
            """u8.ToArray());

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(File.ReadAllText(Path.Combine(folder.Path, "ex", "api.yaml")), Does.Contain("    body: {\"n\":123456789012345678901234567890,\"code\":\"1\"}\n"));
        });
    }

    [Test]
    public async Task Import_HttpReferenceInAFileReferredTo_LeftAsItIsWithTheNote()
    {
        using var folder = new ImportFolder();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "item.yaml"), """
            get:
              operationId: getT
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "https://conformance.invalid/schemas/t.json" }
            """);
        var (code, output, errors) = await folder.ImportAsync("web.yaml", "openapi: 3.0.3\ninfo: { title: W, version: '1' }\npaths:\n  /t:\n    $ref: item.yaml\n"u8.ToArray());

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(output, Does.Contain("\nnote: the response schema of get_t 200 refers to 'https://conformance.invalid/schemas/t.json#/components/schemas/t.json', which this document does not hold: no body contract drafted for it\n"));
            Assert.That(File.ReadAllText(Path.Combine(folder.Path, "web", "api.yaml")), Does.Contain("    path: \"/t\"\n"));
        });
    }
}
