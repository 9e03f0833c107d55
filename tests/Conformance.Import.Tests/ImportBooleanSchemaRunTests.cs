using System.Text.Json.Nodes;

namespace Conformance.Import.Tests;

/// <summary>
/// OpenAPI 3.1 boolean schemas (found by hand on 2026-12-02): Microsoft.OpenApi kept none as the value of a property, a
/// pattern property, a <c>$defs</c> or <c>dependentSchemas</c> entry, so the drafted file held <c>null</c> there and the
/// pack reported CT0202 when it loaded; in <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c> it dropped the entry, so
/// <c>allOf: [false, ...]</c>, which nothing passes, was drafted as its other entries alone. Now each is drafted as the
/// schema it equals.
/// </summary>
public sealed class ImportBooleanSchemaRunTests
{
    [Test]
    public async Task Import_BooleanSchemasInMapsAndLists_DraftedAsTheSchemasTheyEqualAndThePackLoads()
    {
        using var folder = new ImportFolder();
        var (code, output, errors) = await ImportUnrecognizedKeywordsRunTests.ImportResponseSchemaAsync(folder, "bools", """
            type: object
            properties:
              open: true
              closed: false
              both: { allOf: [false, { type: string }] }
              either: { anyOf: [true, { type: string }] }
              pattern: { patternProperties: { "^x": false } }
              dependent: { dependentSchemas: { a: false } }
              defs: { $defs: { never: false } }
            """);

        var properties = folder.OnlySchema("bools")["properties"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(output, Does.Contain("The pack loads cleanly"));
            Assert.That(properties.Select(p => $"{p.Key}: {p.Value!.ToJsonString()}"), Is.EqualTo(new[]
            {
                "open: {}",
                "closed: {\"not\":{}}",
                "both: {\"allOf\":[{\"not\":{}},{\"type\":\"string\"}]}",
                "either: {\"anyOf\":[{},{\"type\":\"string\"}]}",
                "pattern: {\"patternProperties\":{\"^x\":{\"not\":{}}}}",
                "dependent: {\"dependentSchemas\":{\"a\":{\"not\":{}}}}",
                "defs: {\"$defs\":{\"never\":{\"not\":{}}}}",
            }));
        });
    }

    [Test]
    public async Task Import_AllOfWithFalse_TheDraftedSchemaRejectsEveryValue()
    {
        using var folder = new ImportFolder();
        await ImportUnrecognizedKeywordsRunTests.ImportResponseSchemaAsync(folder, "never", """
            type: object
            properties:
              v: { allOf: [false, { type: string }] }
            """);
        var schema = folder.OnlySchemaCompiled("never");

        Assert.Multiple(() =>
        {
            Assert.That(schema.Validate(JsonNode.Parse("""{"v":"text"}""")).Errors, Is.Not.Empty);
            Assert.That(schema.Validate(JsonNode.Parse("""{}""")).Errors, Is.Empty);
        });
    }

    [Test]
    public async Task Import_ConstInASubschemaTheValuesPassDoesNotReach_WrittenAsConst()
    {
        using var folder = new ImportFolder();
        var (code, output, errors) = await ImportUnrecognizedKeywordsRunTests.ImportResponseSchemaAsync(folder, "inner", """
            type: object
            properties:
              list: { type: array, contains: { const: 3 }, prefixItems: [{ const: true }] }
              cond: { if: { const: 0 }, then: { const: 0 }, else: { type: integer } }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(folder.OnlySchema("inner")["properties"]!.ToJsonString(), Is.EqualTo(
                """{"list":{"contains":{"const":3},"type":"array","prefixItems":[{"const":true}]},"cond":{"if":{"const":0},"then":{"const":0},"else":{"type":"integer"}}}"""));
        });
    }
}
