using Conformance.Contracts;
using static Conformance.Import.Tests.ImportRunTests;

namespace Conformance.Import.Tests;

/// <summary>
/// The one missing_field row of an operation documenting both 400 and 422 (<c>expect: [400, 422]</c>): with one error
/// schema of its own for both it carries it; with two that differ, a row having one schema for every status it
/// accepts, it carries none, and a note says why and what is checked instead.
/// </summary>
public sealed class ImportEitherStatusSchemaRunTests
{
    // create_a and create_b answer 400 Error and 422 Validation (the pack's errors); the third operation is the test's.
    private const string Document = """
        {"openapi":"3.0.3","info":{"title":"Either","version":"1"},"paths":{
          "/a":{"post":{"operationId":"createA","requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Body"}}}},"responses":{"201":{"description":"ok"},"400":{"description":"bad","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Error"}}}},"422":{"description":"no","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Validation"}}}}}}},
          "/b":{"post":{"operationId":"createB","requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Body"}}}},"responses":{"201":{"description":"ok"},"400":{"description":"bad","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Error"}}}},"422":{"description":"no","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Validation"}}}}}}},
          "/items":{"post":{"operationId":"createItem","requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Body"}}}},"responses":{"201":{"description":"ok"},"400":{"description":"bad","content":{"application/json":{"schema":{"$ref":"#/components/schemas/BAD"}}}},"422":{"description":"no","content":{"application/json":{"schema":{"$ref":"#/components/schemas/INVALID"}}}}}}}},
         "components":{"schemas":{"Body":{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}},
           "Error":{"type":"object","properties":{"message":{"type":"string"}}},"Validation":{"type":"object","properties":{"errors":{"type":"array"}}},
           "Problem":{"type":"object","required":["title"],"properties":{"title":{"type":"string"}}}}}}
        """;

    [Test]
    public async Task Import_400And422ShareASchemaOfTheirOwn_TheEitherRowCarriesIt()
    {
        // Audit: the row had no schema:, so a 400 was checked against errors' Error and a 422 against Validation,
        // neither of which create_item documents.
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportInlineAsync(folder, "either", Document.Replace("BAD", "Problem", StringComparison.Ordinal).Replace("INVALID", "Problem", StringComparison.Ordinal));

        var table = await File.ReadAllTextAsync(Path.Combine(folder.Path, "either", "tables", "status.yaml"));
        var row = loaded.Rows.Single(r => r.OperationId == "create_item" && r.ScenarioId == "missing_field");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(table, Does.Contain("  - { op: create_item, scenario: missing_field, with: {\"field\":\"/name\"}, expect: [400, 422], schema: schemas/Problem.schema.json }\n"));
            Assert.That(new[] { 400, 422 }.Select(s => BodySchemaResolver.Resolve(loaded.Pack!, row, s)), Is.EqualTo(new[] { "schemas/Problem.schema.json", "schemas/Problem.schema.json" }));
            Assert.That(output, Does.Not.Contain("a row's schema:"));
        });
    }

    [Test]
    public async Task Import_400And422DifferAndOneIsItsOwn_NoSchemaAndANoteSaysWhy()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportInlineAsync(folder, "either", Document.Replace("BAD", "Problem", StringComparison.Ordinal).Replace("INVALID", "Validation", StringComparison.Ordinal));

        var table = await File.ReadAllTextAsync(Path.Combine(folder.Path, "either", "tables", "status.yaml"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(table, Does.Contain("  - { op: create_item, scenario: missing_field, with: {\"field\":\"/name\"}, expect: [400, 422] }\n"));
            Assert.That(output, Does.Contain("note: the missing_field row of create_item accepts 400 or 422, which create_item documents with different schemas (400: schemas/Problem.schema.json, 422: schemas/Validation.schema.json), and a row's schema: holds for every status it accepts: none is set, "
                + "so a 400 answer is checked against errors' 400 (schemas/Error.schema.json), not schemas/Problem.schema.json; once you know which of the two the API answers, expect that one with its schema (expect: 400, schema: schemas/Problem.schema.json)\n"));
        });
    }

    [Test]
    public async Task Import_400And422AsThePackHasThem_NoSchemaNoNote()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportInlineAsync(folder, "either", Document.Replace("BAD", "Error", StringComparison.Ordinal).Replace("INVALID", "Validation", StringComparison.Ordinal));

        var row = loaded.Rows.Single(r => r.OperationId == "create_item" && r.ScenarioId == "missing_field");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(row.Schema, Is.Null);
            Assert.That(new[] { 400, 422 }.Select(s => BodySchemaResolver.Resolve(loaded.Pack!, row, s)), Is.EqualTo(new[] { "schemas/Error.schema.json", "schemas/Validation.schema.json" }));
            Assert.That(output, Does.Not.Contain("a row's schema:"));
        });
    }
}
