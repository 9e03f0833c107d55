namespace Conformance.Import.Tests;

/// <summary>
/// Swagger 2.0 parameters with the keywords Swagger 2.0 gives them and the OpenAPI reader refuses there (<c>minItems</c>,
/// <c>maxItems</c>, <c>uniqueItems</c>, <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> as booleans, <c>multipleOf</c>;
/// <c>collectionFormat: tsv</c>, which threw; <c>collectionFormat</c> of a list's items): the whole document was CT0401,
/// <c>minItems is not a valid property at #/paths/~1things/get/parameters at #</c>, at (1,1). They are drafted now, the
/// samples meeting the constraints as an OpenAPI 3.0 document's do.
/// </summary>
public sealed class ImportSwaggerParameterKeywordsRunTests
{
    private const string Swagger = """
        swagger: "2.0"
        info: {title: t, version: "1"}
        parameters:
          K: {name: k, in: query, required: true, type: integer, minimum: 1, multipleOf: 5}
        paths:
          /things/{id}:
            parameters:
              - {name: id, in: path, required: true, type: integer, minimum: 10, maximum: 20, exclusiveMinimum: true, multipleOf: 3}
            get:
              operationId: getThings
              parameters:
                - {name: ids, in: query, required: true, type: array, items: {type: string, enum: [a, b, c]}, minItems: 2, maxItems: 3, uniqueItems: true, collectionFormat: multi}
                - {name: n, in: query, required: true, type: integer, minimum: 1, exclusiveMinimum: true}
                - {name: m, in: query, required: true, type: number, maximum: 0, exclusiveMaximum: true}
                - $ref: '#/parameters/K'
                - {name: X-Ids, in: header, required: true, type: array, items: {type: string, enum: [x, y]}, minItems: 2}
              responses:
                "200": {description: ok}
                "404": {description: no}
            post:
              operationId: postThings
              consumes: [application/x-www-form-urlencoded]
              parameters:
                - {name: tags, in: formData, required: true, type: array, items: {type: string, enum: [p, q]}, minItems: 2, uniqueItems: true, collectionFormat: multi}
                - {name: score, in: formData, required: true, type: number, minimum: 0, exclusiveMinimum: true, maximum: 1}
              responses:
                "201": {description: ok}
                "400": {description: bad}
        """;

    private const string OpenApi30 = """
        openapi: 3.0.3
        info: {title: t, version: "1"}
        paths:
          /things/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer, minimum: 10, maximum: 20, exclusiveMinimum: true, multipleOf: 3}}
            get:
              operationId: getThings
              parameters:
                - {name: ids, in: query, required: true, schema: {type: array, items: {type: string, enum: [a, b, c]}, minItems: 2, maxItems: 3, uniqueItems: true}}
                - {name: n, in: query, required: true, schema: {type: integer, minimum: 1, exclusiveMinimum: true}}
                - {name: m, in: query, required: true, schema: {type: number, maximum: 0, exclusiveMaximum: true}}
                - {name: k, in: query, required: true, schema: {type: integer, minimum: 1, multipleOf: 5}}
                - {name: X-Ids, in: header, required: true, schema: {type: array, items: {type: string, enum: [x, y]}, minItems: 2}}
              responses:
                "200": {description: ok}
                "404": {description: no}
            post:
              operationId: postThings
              requestBody:
                required: true
                content:
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      required: [tags, score]
                      properties:
                        tags: {type: array, items: {type: string, enum: [p, q]}, minItems: 2, uniqueItems: true}
                        score: {type: number, minimum: 0, exclusiveMinimum: true, maximum: 1}
              responses:
                "201": {description: ok}
                "400": {description: bad}
        """;

    [Test]
    public async Task Import_SwaggerParametersWithArrayAndNumberKeywords_DraftedAsTheirOpenApi30Twin()
    {
        using var folder = new ImportFolder();

        var swagger = await ImportYamlAsync(folder, "legacy", Swagger);
        var twin = await ImportYamlAsync(folder, "twin", OpenApi30);

        Assert.Multiple(() =>
        {
            Assert.That(swagger.Code, Is.Zero, swagger.Output + swagger.Errors);
            Assert.That(swagger.ApiYaml, Does.Contain("vars:\n  id: \"12\"\n"));
            Assert.That(swagger.ApiYaml, Does.Contain("    query: {\"ids\":[\"a\",\"b\"],\"n\":\"2\",\"m\":\"-0.5\",\"k\":\"5\"}\n    headers: {\"X-Ids\":\"x,x\"}\n"));
            Assert.That(swagger.ApiYaml, Does.Contain("    body: {\"tags\":[\"p\",\"q\"],\"score\":0.5}\n    bodyType: form"));
            Assert.That(Operations(swagger.ApiYaml), Is.EqualTo(Operations(twin.ApiYaml)));
            Assert.That(swagger.Output, Does.Not.Contain("note:"));
        });
    }

    [TestCase("{name: ids, in: query, required: true, type: array, items: {type: string}, minItems: 1}", "\"ids\":\"sample\"")]
    [TestCase("{name: ids, in: query, required: true, type: array, items: {type: integer}, maxItems: 3}", "\"ids\":\"1\"")]
    [TestCase("{name: ids, in: query, required: true, type: array, items: {type: integer, enum: [4, 5]}, minItems: 2, uniqueItems: true}", "\"ids\":\"4,5\"")]
    [TestCase("{name: n, in: query, required: true, type: integer, minimum: 7, exclusiveMinimum: true}", "\"n\":\"8\"")]
    [TestCase("{name: n, in: query, required: true, type: integer, maximum: -7, exclusiveMaximum: true}", "\"n\":\"-8\"")]
    [TestCase("{name: n, in: query, required: true, type: integer, minimum: 1, multipleOf: 4}", "\"n\":\"4\"")]
    public async Task Import_SwaggerQueryParameterWithAKeywordTheReaderRefused_DraftedMeetingIt(string parameter, string query)
    {
        using var folder = new ImportFolder();

        var (code, output, errors, apiYaml) = await ImportYamlAsync(folder, "one", $$"""
            swagger: "2.0"
            info: {title: t, version: "1"}
            paths:
              /things:
                get:
                  operationId: getThings
                  parameters:
                    - {{parameter}}
                  responses:
                    "200": {description: ok}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(apiYaml, Does.Contain($"    query: {{{query}}}\n"));
        });
    }

    [Test]
    public async Task Import_SwaggerFormListsJoinedByTheirCollectionFormat_DraftedJoined()
    {
        // The reader converts formData parameters to a form body without their collectionFormat: every list went out
        // exploded (a=p&a=q), though Swagger 2.0 joins one by commas unless it says multi.
        using var folder = new ImportFolder();

        var (code, output, errors, apiYaml) = await ImportYamlAsync(folder, "form", """
            swagger: "2.0"
            info: {title: t, version: "1"}
            paths:
              /things:
                post:
                  operationId: postThings
                  consumes: [application/x-www-form-urlencoded]
                  parameters:
                    - {name: a, in: formData, required: true, type: array, items: {type: string, enum: [p, q]}, minItems: 2, uniqueItems: true}
                    - {name: b, in: formData, required: true, type: array, items: {type: string, enum: [p, q]}, minItems: 2, uniqueItems: true, collectionFormat: ssv}
                    - {name: c, in: formData, required: true, type: array, items: {type: string, enum: [p, q]}, minItems: 2, uniqueItems: true, collectionFormat: pipes}
                    - {name: d, in: formData, required: true, type: array, items: {type: string, enum: [p, q]}, minItems: 2, uniqueItems: true, collectionFormat: multi}
                  responses:
                    "200": {description: ok}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(apiYaml, Does.Contain("    body: {\"a\":\"p,q\",\"b\":\"p q\",\"c\":\"p|q\",\"d\":[\"p\",\"q\"]}\n    bodyType: form"));
        });
    }

    [Test]
    public async Task Import_SwaggerCollectionFormatsTheReaderCannotTake_DraftedJoinedByThem()
    {
        using var folder = new ImportFolder();

        var (code, output, errors, apiYaml) = await ImportYamlAsync(folder, "formats", """
            swagger: "2.0"
            info: {title: t, version: "1"}
            paths:
              /things:
                get:
                  operationId: getThings
                  parameters:
                    - {name: ids, in: query, required: true, type: array, items: {type: string, enum: [a, b]}, minItems: 2, collectionFormat: tsv}
                    - {name: grid, in: query, required: true, type: array, items: {type: array, items: {type: integer}, minItems: 2, collectionFormat: pipes}, minItems: 1}
                  responses:
                    "200":
                      description: ok
                      headers:
                        X-Tags: {type: array, items: {type: string}, collectionFormat: tsv}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(apiYaml, Does.Contain("    query: {\"ids\":\"a\\ta\",\"grid\":\"1|1\"}\n"));
            Assert.That(output.Split('\n').Where(l => l.StartsWith("note: ", StringComparison.Ordinal)), Is.EqualTo(new[]
            {
                "note: the response header 'X-Tags' at #/paths/~1things/get/responses/200/headers/X-Tags has collectionFormat: tsv (its items joined by a tab), which OpenAPI 3 has no style for and the reader does not take: left out (a pack does not check response headers)",
            }));
        });
    }

    /// <summary>The <c>operations:</c> part of an api.yaml (the part above names the source file).</summary>
    private static string Operations(string apiYaml) => apiYaml[apiYaml.IndexOf("\noperations:", StringComparison.Ordinal)..];

    private static async Task<(int Code, string Output, string Errors, string ApiYaml)> ImportYamlAsync(ImportFolder folder, string name, string yaml)
    {
        var document = Path.Combine(folder.Path, name + ".yaml");
        await File.WriteAllTextAsync(document, yaml);
        var pack = Path.Combine(folder.Path, name);
        var (code, output, errors) = await ImportFolder.RunAsync(document, "--name", name, "--out", pack);
        var apiYaml = File.Exists(Path.Combine(pack, "api.yaml")) ? await File.ReadAllTextAsync(Path.Combine(pack, "api.yaml")) : string.Empty;
        return (code, output, errors, apiYaml);
    }
}
