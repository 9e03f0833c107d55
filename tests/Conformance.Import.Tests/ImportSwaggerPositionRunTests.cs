using static Conformance.Import.Tests.ImportParameterBudgetRunTests;

namespace Conformance.Import.Tests;

/// <summary>
/// A CT0403 of a Swagger 2.0 document is at the exact node, as for OpenAPI 3: the body parameter's schema (the reader
/// converts it to a request body, and the place used to fall back to the operation), the form parameter the stop is in,
/// and a parameter (at its <c>#/parameters</c> entry where it is a <c>$ref</c>), from YAML and from JSON.
/// </summary>
public sealed class ImportSwaggerPositionRunTests
{
    [Test]
    public async Task Import_Swagger2YamlPastTheBudget_Ct0403AtTheBodySchemaFormFieldAndParameter()
    {
        var yaml = """
            swagger: "2.0"
            info: {title: legacy, version: "1"}
            consumes: [application/json]
            paths:
              /things:
                post:
                  operationId: createThing
                  parameters:
                    - {name: X-Trace, in: header, required: true, type: string}
                    - name: thing
                      in: body
                      required: true
                      schema: {$ref: '#/definitions/L6'}
                  responses: {"201": {description: created}}
              /forms:
                post:
                  operationId: createForm
                  consumes: [application/x-www-form-urlencoded]
                  parameters:
                    - {name: title, in: formData, required: true, type: string}
                    - {name: deep, in: formData, required: true, type: array, items: DEEP}
                  responses: {"201": {description: created}}
              /lists:
                get:
                  operationId: getList
                  parameters:
                    - $ref: '#/parameters/Deep'
                  responses: {"200": {description: ok}}
            parameters:
              Deep: {name: deep, in: query, required: true, type: array, items: DEEP}
            definitions:

            """.Replace("DEEP", Lists("{type: string}"), StringComparison.Ordinal) + WideSchemas("  ", "#/definitions/");

        var warnings = await ImportAsync("legacy.yaml", yaml);

        Assert.That(warnings, Is.EqualTo(new[]
        {
            $"legacy.yaml(13,19): {BodyWide("create_thing", "/b/c/f/d/e/d")}",
            $"legacy.yaml(21,11): {BodyWide("create_form", "/deep/0/45/40/9")}",
            $"legacy.yaml(30,9): {QueryWide("get_list", "/0/45/41/0")}",
        }));
    }

    [Test]
    public async Task Import_Swagger2JsonPastTheBudget_Ct0403AtTheBodySchemaFormFieldAndParameter()
    {
        var json = """
            {"swagger": "2.0", "info": {"title": "legacy", "version": "1"}, "consumes": ["application/json"],
             "paths": {
              "/things": {"post": {"operationId": "createThing", "parameters": [
                {"name": "X-Trace", "in": "header", "required": true, "type": "string"},
                {"name": "thing", "in": "body", "required": true,
                 "schema": {"$ref": "#/definitions/L6"}}],
               "responses": {"201": {"description": "created"}}}},
              "/forms": {"post": {"operationId": "createForm", "consumes": ["application/x-www-form-urlencoded"], "parameters": [
                {"name": "title", "in": "formData", "required": true, "type": "string"},
                {"name": "deep", "in": "formData", "required": true, "type": "array", "items": DEEP}],
               "responses": {"201": {"description": "created"}}}},
              "/lists": {"get": {"operationId": "getList", "parameters": [{"$ref": "#/parameters/Deep"}], "responses": {"200": {"description": "ok"}}}}},
             "parameters": {
              "Deep": {"name": "deep", "in": "query", "required": true, "type": "array", "items": DEEP}},
             "definitions": {
            """.Replace("DEEP", Lists("{\"type\": \"string\"}", json: true), StringComparison.Ordinal) + string.Join(",\n", WideSchemas(string.Empty, "#/definitions/").TrimEnd('\n').Split('\n').Select(JsonLine)) + "}}\n";

        var warnings = await ImportAsync("legacy.json", json);

        Assert.That(warnings, Is.EqualTo(new[]
        {
            $"legacy.json(6,16): {BodyWide("create_thing", "/b/c/f/d/e/d")}",
            $"legacy.json(10,5): {BodyWide("create_form", "/deep/0/45/40/9")}",
            $"legacy.json(14,11): {QueryWide("get_list", "/0/45/41/0")}",
        }));
    }

    private static string BodyWide(string id, string stop) =>
        $"warning CT0403: the request body of {id} was not drafted, drafting it took more than 50000 values (at {stop} when it stopped), the work the importer spends on one body (a schema wide and deep, or with many variants to search). Fix: Write that operation's body in api.yaml by hand, a small value its schema accepts (the other operations were drafted as usual).";

    private static string QueryWide(string id, string stop) =>
        $"warning CT0403: the query parameter 'deep' of {id} was not drafted, drafting it took more than 50000 values (at {stop} when it stopped), the work the importer spends on one parameter (a schema wide and deep, or with many variants to search). Fix: Write that parameter's value in api.yaml by hand, a small value its schema accepts (it was left out of query: of {id}; the other parameters and operations were drafted as usual).";

    /// <summary>
    /// A list of 100 lists of 100 lists of 10 items of <paramref name="inner"/> (over 100,000 values; the reader takes a
    /// document at most 64 levels deep, so the depth budget cannot be reached with lists alone, and refuses minItems on a
    /// Swagger 2.0 parameter itself, CT0401, so the parameter's own list has none and is drafted with one item).
    /// </summary>
    private static string Lists(string inner, bool json = false)
    {
        foreach (var least in new[] { 10, 100, 100 })
        {
            inner = json ? $"{{\"type\": \"array\", \"minItems\": {least}, \"items\": {inner}}}" : $"{{type: array, minItems: {least}, items: {inner}}}";
        }

        return inner;
    }

    /// <summary>A line <c>Ln: {type: object, ...}</c> of <see cref="WideSchemas"/> as a JSON member.</summary>
    private static string JsonLine(string line)
    {
        var name = line[..line.IndexOf(':', StringComparison.Ordinal)];
        var level = int.Parse(name[1..], System.Globalization.CultureInfo.InvariantCulture);
        if (level == 0)
        {
            return "\"L0\": {\"type\": \"string\"}";
        }

        var names = "abcdefgh".Select(c => c.ToString()).ToList();
        return $"\"{name}\": {{\"type\": \"object\", \"required\": [{string.Join(", ", names.Select(n => $"\"{n}\""))}], \"properties\": {{"
            + string.Join(", ", names.Select(n => $"\"{n}\": {{\"$ref\": \"#/definitions/L{level - 1}\"}}")) + "}}";
    }

    /// <summary>Imports <paramref name="text"/> as <paramref name="file"/>: the CT0403 lines (exit code 0 asserted).</summary>
    private static async Task<string[]> ImportAsync(string file, string text)
    {
        using var folder = new ImportFolder();
        var document = Path.Combine(folder.Path, file);
        await File.WriteAllTextAsync(document, text);
        var (code, output, errors) = await ImportFolder.RunAsync(document, "--name", "legacy", "--out", Path.Combine(folder.Path, "legacy"));
        Assert.That(code, Is.Zero, output + errors);
        return Warnings(output);
    }
}
