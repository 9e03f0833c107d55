using static Conformance.Import.Tests.ImportRunTests;

namespace Conformance.Import.Tests;

/// <summary>What an audit found the importer drafting wrong for error schemas shared by many operations, and for ids.</summary>
public sealed class ImportAuditErrorsRunTests
{
    [Test]
    public async Task Import_OperationsDifferInAStatusSchema_MajorityInErrorsOthersOnTheirRows()
    {
        // Audit: each status got the first operation's schema: on GitHub 422 took validation-error-simple (35 operations)
        // over validation-error (230). The most used one is the pack's; a row of an operation with another has its own schema:.
        using var folder = new ImportFolder();
        var (code, output, errors, apiYaml, loaded) = await ImportInlineAsync(folder, "votes", """
            {"openapi":"3.0.3","info":{"title":"Votes","version":"1"},"paths":{
              "/a":{"post":{"operationId":"createA","requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Body"}}}},"responses":{"201":{"description":"ok"},"422":{"description":"no","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Simple"}}}}}}},
              "/b":{"post":{"operationId":"createB","requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Body"}}}},"responses":{"201":{"description":"ok"},"422":{"description":"no","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Full"}}}}}}},
              "/c":{"post":{"operationId":"createC","requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Body"}}}},"responses":{"201":{"description":"ok"},"422":{"description":"no","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Full"}}}}}}}},
             "components":{"schemas":{"Body":{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}},
               "Simple":{"type":"object","properties":{"message":{"type":"string"}}},"Full":{"type":"object","properties":{"errors":{"type":"array"}}}}}}
            """);

        var table = await File.ReadAllTextAsync(Path.Combine(folder.Path, "votes", "tables", "status.yaml"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(apiYaml, Does.Contain("  422: { schema: schemas/Full.schema.json, contentType: application/json }\n"));
            Assert.That(table, Does.Contain("  - { op: create_a, scenario: missing_field, with: {\"field\":\"/name\"}, expect: 422, schema: schemas/Simple.schema.json }\n"));
            Assert.That(table, Does.Contain("  - { op: create_b, scenario: missing_field, with: {\"field\":\"/name\"}, expect: 422 }\n"));
            Assert.That(output, Does.Contain("note: status 422 is drafted in errors with schemas/Full.schema.json, the schema of 2 operation(s); 1 operation(s) document another, given on their rows (schema:): create_a\n"));
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
        });
    }

    [Test]
    public async Task Import_OperationIdWithoutAsciiLetters_MethodAndPathInstead()
    {
        // Audit: operationIds with only non-ASCII letters became operation, operation_2.
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportInlineAsync(folder, "ids", """
            {"openapi":"3.0.3","info":{"title":"Ids","version":"1"},"paths":{
              "/orders":{"get":{"operationId":"получитьЗаказы","responses":{"200":{"description":"ok"}}},"post":{"operationId":"создатьЗаказ","responses":{"201":{"description":"ok"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Pack!.Operations.Keys, Is.EquivalentTo(new[] { "get_orders", "post_orders" }));
        });
    }
}
