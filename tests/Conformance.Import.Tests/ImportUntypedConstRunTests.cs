using System.Text.Json.Nodes;

namespace Conformance.Import.Tests;

/// <summary>
/// OpenAPI 3.1 <c>const</c> values without a <c>type</c> beside them (found by hand on 2026-12-02): Microsoft.OpenApi
/// keeps a const as text, so <c>code: { const: 404 }</c> was drafted as <c>"const": "404"</c> and <c>const: true</c> as
/// <c>"True"</c>, and the pack then failed every response that held the documented value; an object or array const
/// ended the import with the reader's "Expected scalar value". Now each is drafted as the document writes it.
/// </summary>
public sealed class ImportUntypedConstRunTests
{
    [Test]
    public async Task Import_UntypedConstsInAYamlResponseSchema_WrittenAsTheDocumentWritesThem()
    {
        using var folder = new ImportFolder();
        var (code, output, errors) = await ImportUnrecognizedKeywordsRunTests.ImportResponseSchemaAsync(folder, "consts", """
            type: object
            properties:
              code: { const: 404 }
              ratio: { const: 0.5 }
              flag: { const: true }
              none: { const: null }
              text: { const: "404" }
              shape: { const: { a: 1, b: [true, "x"] } }
              list: { const: [1, 2] }
              typed: { type: integer, const: 7 }
            """);

        var properties = folder.OnlySchema("consts")["properties"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(properties.Select(p => $"{p.Key}: {p.Value!["const"]?.ToJsonString() ?? "null"}"), Is.EqualTo(new[]
            {
                "code: 404", "ratio: 0.5", "flag: true", "none: null", "text: \"404\"", "shape: {\"a\":1,\"b\":[true,\"x\"]}", "list: [1,2]", "typed: 7",
            }));
            Assert.That(properties.Select(p => p.Value!.AsObject()).Where(s => s.Any(k => k.Key.StartsWith("x-", StringComparison.Ordinal))), Is.Empty);
        });
    }

    [Test]
    public async Task Import_UntypedNumberConst_TheDraftedSchemaAcceptsTheDocumentedValueOnly()
    {
        using var folder = new ImportFolder();
        var (code, output, errors) = await ImportUnrecognizedKeywordsRunTests.ImportResponseSchemaAsync(folder, "status", """
            type: object
            required: [status]
            properties:
              status: { const: 404 }
            """);
        var schema = folder.OnlySchemaCompiled("status");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(schema.Validate(JsonNode.Parse("""{"status":404}""")).Errors, Is.Empty);
            Assert.That(schema.Validate(JsonNode.Parse("""{"status":"404"}""")).Errors, Is.Not.Empty);
        });
    }

    [Test]
    public async Task Import_UntypedConstsInAJsonRequestBody_TheSampleHoldsThem()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, apiYaml, _) = await ImportRunTests.ImportInlineAsync(folder, "sample", """
            {"openapi":"3.1.0","info":{"title":"sample","version":"1"},"paths":{"/things":{"post":{"operationId":"createThing",
              "requestBody":{"required":true,"content":{"application/json":{"schema":{"type":"object","required":["kind","live","shape"],
                "properties":{"kind":{"const":3},"live":{"const":false},"shape":{"const":{"w":2}}}}}}},
              "responses":{"201":{"description":"created"},"400":{"description":"bad"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(apiYaml, Does.Contain("""body: {"kind":3,"live":false,"shape":{"w":2}}"""));
        });
    }
}
