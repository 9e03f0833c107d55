using System.Text.Json.Nodes;
using Conformance.Contracts;
using static Conformance.Import.Tests.ImportRunTests;

namespace Conformance.Import.Tests;

/// <summary>Inline (not $ref) error schemas: each operation's rows are held to the schema that operation documents.</summary>
public sealed class ImportInlineErrorSchemaRunTests
{
    // get_a and get_c document the same inline 404 (requires code), get_b another (requires error).
    private const string Document = """
        {"openapi":"3.0.3","info":{"title":"Inline","version":"1"},"paths":{
          "/a/{id}":{"get":{"operationId":"getA","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer"}}],"responses":{"200":{"description":"ok"},
            "404":{"description":"none","content":{"application/json":{"schema":{"type":"object","required":["code"],"properties":{"code":{"type":"string"}}}}}}}}},
          "/b/{id}":{"get":{"operationId":"getB","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer"}}],"responses":{"200":{"description":"ok"},
            "404":{"description":"none","content":{"application/json":{"schema":{"type":"object","required":["error"],"properties":{"error":{"type":"string"}}}}}}}}},
          "/c/{id}":{"get":{"operationId":"getC","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer"}}],"responses":{"200":{"description":"ok"},
            "404":{"description":"none","content":{"application/json":{"schema":{"type":"object","required":["code"],"properties":{"code":{"type":"string"}}}}}}}}}}}
        """;

    [Test]
    public async Task Import_OperationsDocumentDifferentInline404Schemas_EachRowCheckedAgainstItsOperationsSchema()
    {
        // Audit: an inline error schema counted for the first operation only, so get_b's 404 row was checked against
        // get_a's schema (requires code) and failed an API answering get_b's documented {"error": ...}.
        using var folder = new ImportFolder();
        var (code, output, errors, apiYaml, loaded) = await ImportInlineAsync(folder, "inline", Document);

        var required = loaded.Rows.Where(r => r.ScenarioId == "unknown_id").ToDictionary(
            r => r.OperationId,
            r => BodySchemaResolver.Resolve(loaded.Pack!, r, 404) is { } schema
                ? JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, "inline", schema)))!["required"]!.ToJsonString()
                : "none");
        var table = await File.ReadAllTextAsync(Path.Combine(folder.Path, "inline", "tables", "status.yaml"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
            Assert.That(required, Is.EquivalentTo(new Dictionary<string, string> { ["get_a"] = """["code"]""", ["get_b"] = """["error"]""", ["get_c"] = """["code"]""" }));
            Assert.That(apiYaml, Does.Contain("  404: { schema: schemas/error-404.schema.json, contentType: application/json }\n"));
            Assert.That(table, Does.Contain("  - { op: get_b, scenario: unknown_id, with: {\"param\":\"id\",\"value\":\"99999999\"}, expect: 404, schema: schemas/error-404-get_b.schema.json }\n"));
            Assert.That(table, Does.Contain("  - { op: get_c, scenario: unknown_id, with: {\"param\":\"id\",\"value\":\"99999999\"}, expect: 404 }\n"));
            Assert.That(Directory.GetFiles(Path.Combine(folder.Path, "inline", "schemas")).Select(Path.GetFileName), Is.EquivalentTo(new[] { "error-404.schema.json", "error-404-get_b.schema.json" }));
            Assert.That(output, Does.Contain("note: status 404 is drafted in errors with schemas/error-404.schema.json, the schema of 2 operation(s); 1 operation(s) document another, given on their rows (schema:): get_b\n"));
        });
    }

    [Test]
    public async Task Import_MissingFieldRowOfAnOperationWithItsOwnInline400And422_CarriesThatSchema()
    {
        // Audit: the one missing_field row (expect: [400, 422]) of a later operation fell back to the first operation's
        // inline 400 and 422 schemas.
        using var folder = new ImportFolder();
        var body = """ "requestBody":{"content":{"application/json":{"schema":{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}}}}},""";
        var (code, output, errors, _, loaded) = await ImportInlineAsync(folder, "either", """
            {"openapi":"3.0.3","info":{"title":"Either","version":"1"},"paths":{
              "/a":{"post":{"operationId":"createA",BODY"responses":{"201":{"description":"ok"},"400":CODE,"422":CODE}}},
              "/b":{"post":{"operationId":"createB",BODY"responses":{"201":{"description":"ok"},"400":ERROR,"422":ERROR}}}}}
            """.Replace("BODY", body, StringComparison.Ordinal).Replace("CODE", Error("code"), StringComparison.Ordinal).Replace("ERROR", Error("error"), StringComparison.Ordinal));

        var rowB = loaded.Rows.Single(r => r.OperationId == "create_b" && r.ScenarioId == "missing_field");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
            Assert.That(rowB.Expected, Is.EqualTo(new[] { 400, 422 }));
            Assert.That(rowB.Schema, Is.Not.Null);
            Assert.That(JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, "either", rowB.Schema!)))!["required"]!.ToJsonString(), Is.EqualTo("""["error"]"""));
        });
    }

    private static string Error(string field) =>
        """{"description":"no","content":{"application/json":{"schema":{"type":"object","required":["FIELD"]}}}}""".Replace("FIELD", field, StringComparison.Ordinal);
}
