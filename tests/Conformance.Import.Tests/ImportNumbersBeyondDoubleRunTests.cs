using System.Text.Json.Nodes;
using static Conformance.Import.Tests.ImportRunTests;

namespace Conformance.Import.Tests;

/// <summary>
/// Values beyond a double or a decimal in a schema's <c>example</c>, <c>default</c>, <c>enum</c> or an <c>x-</c> keyword
/// (found by hand on 2026-12-02): in a JSON document, <c>1e400</c> ended the importer with a stack trace (Microsoft.OpenApi's
/// writer wrote it as <c>Infinity</c>, which the schema file could not be read back from) and a 30-digit integer was
/// written as <c>1.2345678901234568E+29</c>, another number; in a YAML document both became text (<c>"1e400"</c>), so an
/// <c>enum</c> of a number type held no number, and a path parameter's example was noted as not meeting its own schema.
/// </summary>
public sealed class ImportNumbersBeyondDoubleRunTests
{
    private const string Values = """{"type":"number","example":1e400,"default":-1e400,"enum":[1e400,123456789012345678901234567890],"x-big":1e400}""";

    [Test]
    public async Task Import_JsonValuesBeyondADouble_WrittenAsTheDocumentWritesThem()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, apiYaml, loaded) = await ImportInlineAsync(folder, "big", """
            {"openapi":"3.0.3","info":{"title":"N","version":"1"},"paths":{"/n":{"post":{"operationId":"postN",
             "requestBody":{"required":true,"content":{"application/json":{"schema":{"type":"object","required":["a","b"],"properties":{
               "a":{"type":"number","example":1e400},"b":{"type":"integer","default":123456789012345678901234567890}}}}}},
             "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"type":"object","properties":{"n":VALUES}}}}}}}}}}
            """.Replace("VALUES", Values, StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(apiYaml, Does.Contain("    body: {\"a\":1e400,\"b\":123456789012345678901234567890}\n"));
            Assert.That(Property(folder, "big", "n"), Is.EqualTo(Values));
            Assert.That(output, Does.Not.Contain("note:"));
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
        });
    }

    [Test]
    public async Task Import_YamlValuesBeyondADouble_WrittenAsNumbersWhereTheTypeIsANumber()
    {
        using var folder = new ImportFolder();
        var document = Path.Combine(folder.Path, "big.yaml");
        await File.WriteAllTextAsync(document, """
            openapi: 3.1.0
            info: { title: N, version: "1" }
            paths:
              /n/{id}:
                get:
                  operationId: getN
                  parameters:
                    - { name: id, in: path, required: true, schema: { type: integer, example: 99999999999999999999999999999 } }
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              n: { type: number, example: 1e400, default: -1e400, enum: [1e400, 123456789012345678901234567890] }
                              s: { type: string, example: "1e400", enum: ["1e400"] }
                              e: { type: [string, number], enum: ["1e400"] }
            """);
        var (code, output, errors) = await ImportFolder.RunAsync(document, "--name", "big", "--out", Path.Combine(folder.Path, "big"));
        var apiYaml = await File.ReadAllTextAsync(Path.Combine(folder.Path, "big", "api.yaml"));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(apiYaml, Does.Contain("\nvars:\n  id: \"99999999999999999999999999999\"\n"));
            Assert.That(output, Does.Not.Contain("note:"));
            Assert.That(Property(folder, "big", "n"), Is.EqualTo("""{"type":"number","example":1e400,"default":-1e400,"enum":[1e400,123456789012345678901234567890]}"""));
            Assert.That(Property(folder, "big", "s"), Is.EqualTo("""{"type":"string","example":"1e400","enum":["1e400"]}"""));
            Assert.That(Property(folder, "big", "e"), Is.EqualTo("""{"type":["number","string"],"enum":["1e400"]}"""));
        });
    }

    [Test]
    public void Unhandled_ExceptionWhileDrafting_OneErrorNamingTheImportersMethod()
    {
        Exception thrown;
        try
        {
            _ = System.Text.Json.Nodes.JsonNode.Parse("Infinity");
            throw new InvalidOperationException("not reached");
        }
        catch (System.Text.Json.JsonException e)
        {
            thrown = new InvalidOperationException("The schema could not be written.", e);
        }

        Assert.That(
            ImportCommand.Unhandled("specs/api.json", thrown).ToString(),
            Is.EqualTo("specs/api.json(1,1): error CT0401: the document was read, but drafting a pack from it failed (InvalidOperationException: The schema could not be written), "
                + "something in the document is not handled by the importer: an error of the importer's own, not of the document. "
                + "Fix: Report it with the document (or the smallest part of it that fails); meanwhile leave out the operation or schema it names, or write the pack by hand (docs/pack-format.md)."));
    }

    /// <summary>The property's schema in the pack's one schema file, its keys sorted as written, without white space.</summary>
    private static string Property(ImportFolder folder, string pack, string name)
    {
        var schema = folder.OnlySchema(pack)["properties"]![name]!.AsObject();
        var ordered = new JsonObject();
        foreach (var key in new[] { "type", "example", "default", "enum", "x-big" }.Where(schema.ContainsKey))
        {
            ordered[key] = schema[key]!.DeepClone();
        }

        return ordered.ToJsonString();
    }
}
