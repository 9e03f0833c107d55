using System.Text;

namespace Conformance.Import.Tests;

/// <summary>
/// JSON Schema keywords Microsoft.OpenApi's model has no property for (found by hand on 2026-12-02 with an OpenAPI 3.1
/// document): in a nested schema its writer put them under an <c>unrecognizedKeywords</c> object, where no validator reads
/// them, so a response contract's <c>prefixItems</c> was lost and a wrong tuple passed.
/// </summary>
public sealed class ImportUnrecognizedKeywordsRunTests
{
    [Test]
    public async Task Import_PrefixItemsInANestedSchema_WrittenAsAKeywordOfThatSchema()
    {
        using var folder = new ImportFolder();
        var (code, output, errors) = await ImportResponseSchemaAsync(folder, "tuple", """
            type: object
            properties:
              pair: { type: array, prefixItems: [{ type: integer }, { enum: [x, y] }], items: false }
            """);
        var pair = folder.OnlySchema("tuple")["properties"]!["pair"]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(pair["prefixItems"]?.ToJsonString(), Is.EqualTo("""[{"type":"integer"},{"enum":["x","y"]}]"""));
            Assert.That(pair.ContainsKey("unrecognizedKeywords"), Is.False);
        });
    }

    /// <summary>
    /// A 3.1 inline schema referring to its own <c>$defs</c>: the reader rewrote the reference to the schema's place in
    /// the document, which the schema's file does not hold, so the drafted pack reported CT0203 when it loaded.
    /// </summary>
    [Test]
    public async Task Import_InlineSchemaReferringToItsOwnDefs_ReferenceWithinTheFileAndThePackLoads()
    {
        using var folder = new ImportFolder();
        var (code, output, errors) = await ImportResponseSchemaAsync(folder, "defs", """
            type: object
            properties: { size: { $ref: "#/$defs/Size" } }
            $defs: { Size: { type: integer, minimum: 1 } }
            """);
        var size = folder.OnlySchema("defs")["properties"]!["size"]!;

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(size["$ref"]?.GetValue<string>(), Is.EqualTo("#/$defs/Size"));
            Assert.That(output, Does.Contain("The pack loads cleanly"));
        });
    }

    /// <summary>An OpenAPI 3.1 document whose one GET answers 200 with <paramref name="schema"/> (YAML), imported as <paramref name="name"/>.</summary>
    internal static Task<(int Code, string Output, string Errors)> ImportResponseSchemaAsync(ImportFolder folder, string name, string schema)
    {
        var indented = string.Join('\n', schema.Split('\n').Select(line => new string(' ', 18) + line));
        return folder.ImportAsync(name + ".yaml", Encoding.UTF8.GetBytes($$"""
            openapi: 3.1.0
            info: { title: T, version: "1" }
            paths:
              /things/{id}:
                get:
                  operationId: getThing
                  parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
                  responses:
                    "404": { description: nf }
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
            {{indented}}
            """));
    }
}
