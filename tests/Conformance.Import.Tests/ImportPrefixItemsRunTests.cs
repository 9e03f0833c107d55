using System.Text;

namespace Conformance.Import.Tests;

/// <summary>
/// Request samples of OpenAPI 3.1 tuples (<c>prefixItems</c>, which Microsoft.OpenApi's model has no property for):
/// each place is drafted from its own schema, a component reference among them included. Before, every place held
/// the plain item (<c>"pair":["sample","sample"]</c>, <c>"point":[null,null,null]</c>) and the importer noted each as
/// not meeting its schema.
/// </summary>
public sealed class ImportPrefixItemsRunTests
{
    [Test]
    public async Task Import_TuplesInARequestBody_EachPlaceDraftedFromItsSchema()
    {
        using var folder = new ImportFolder();
        var (code, output, errors) = await ImportBodyAsync(folder, "tuples", """
            type: object
            required: [pair, point, tagged]
            properties:
              pair: { type: array, minItems: 2, prefixItems: [{ type: integer, minimum: 5 }, { enum: [x, y] }], items: false }
              point: { $ref: "#/components/schemas/Point" }
              tagged: { type: array, minItems: 1, prefixItems: [{ $ref: "#/components/schemas/Tag", description: the colour }] }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(File.ReadAllText(Path.Combine(folder.Path, "tuples", "api.yaml")), Does.Contain("""    body: {"pair":[5,"x"],"point":[1,"AAA","red"],"tagged":["red"]}""" + "\n"));
            Assert.That(output, Does.Not.Contain("does not meet its schema"));
        });
    }

    [Test]
    public async Task Import_TupleLongerThanMinItems_OnlyMinItemsPlacesDrafted()
    {
        using var folder = new ImportFolder();
        var (code, output, errors) = await ImportBodyAsync(folder, "short", """
            type: object
            required: [pair]
            properties:
              pair: { type: array, minItems: 1, prefixItems: [{ type: integer, minimum: 5 }, { enum: [x, y] }] }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(File.ReadAllText(Path.Combine(folder.Path, "short", "api.yaml")), Does.Contain("""    body: {"pair":[5]}""" + "\n"));
        });
    }

    [Test]
    public async Task Import_TuplePlaceNoValueMeets_Noted()
    {
        using var folder = new ImportFolder();
        var (code, output, errors) = await ImportBodyAsync(folder, "never", """
            type: object
            required: [pair]
            properties:
              pair: { type: array, minItems: 1, prefixItems: [false] }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(output, Does.Contain("note: the request body sample of make at /pair/0 does not meet its schema"));
        });
    }

    /// <summary>An OpenAPI 3.1 document whose one POST takes <paramref name="schema"/> (YAML) as its JSON body, with components Point and Tag.</summary>
    private static Task<(int Code, string Output, string Errors)> ImportBodyAsync(ImportFolder folder, string name, string schema)
    {
        var indented = string.Join('\n', schema.Split('\n').Select(line => new string(' ', 18) + line));
        return folder.ImportAsync(name + ".yaml", Encoding.UTF8.GetBytes($$"""
            openapi: 3.1.0
            info: { title: T, version: "1" }
            paths:
              /things:
                post:
                  operationId: make
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
            {{indented}}
                  responses:
                    "201": { description: made }
                    "400": { description: bad }
            components:
              schemas:
                Point:
                  type: array
                  minItems: 3
                  prefixItems: [{ type: number }, { type: string, pattern: "^[A-Z]{3}$" }, { $ref: "#/components/schemas/Tag" }]
                Tag: { type: string, enum: [red, green] }
            """));
    }
}
