using Conformance.Reporting;
using Microsoft.AspNetCore.Http;
using static Conformance.Import.Tests.ImportRunTests;

namespace Conformance.Import.Tests;

/// <summary>
/// An error status an operation documents without a body (no <c>content</c>) while other operations' same status has one:
/// its row is held to what that operation promises (nothing about the body), not to the pack's <c>errors</c>; and an
/// operation's own error schema is still the one its row is checked against. Each drafted row is run against a stub API.
/// </summary>
public sealed class ImportBodilessErrorRunTests
{
    // get_thing and get_widget answer 404 with Error (the pack's errors), get_gadget documents its 404 with no content,
    // get_tool as JSON without a schema, get_part with its own Missing.
    private const string Document = """
        {"openapi":"3.0.3","info":{"title":"Bodiless","version":"1"},"paths":{
          "/things/{id}":{"get":{"operationId":"getThing","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer"}}],"responses":{"200":{"description":"ok"},"404":{"description":"none","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Error"}}}}}}},
          "/widgets/{id}":{"get":{"operationId":"getWidget","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer"}}],"responses":{"200":{"description":"ok"},"404":{"description":"none","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Error"}}}}}}},
          "/gadgets/{id}":{"get":{"operationId":"getGadget","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer"}}],"responses":{"200":{"description":"ok"},"404":{"description":"Not found"}}}},
          "/tools/{id}":{"get":{"operationId":"getTool","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer"}}],"responses":{"200":{"description":"ok"},"404":{"description":"none","content":{"application/json":{}}}}}},
          "/parts/{id}":{"get":{"operationId":"getPart","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer"}}],"responses":{"200":{"description":"ok"},"404":{"description":"none","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Missing"}}}}}}}},
         "components":{"schemas":{"Error":{"type":"object","required":["code"],"properties":{"code":{"type":"string"}}},
           "Missing":{"type":"object","required":["reason"],"properties":{"reason":{"type":"string"}}}}}}
        """;

    [Test]
    public async Task Import_404DocumentedWithoutABody_RowPassesAnEmptyBodyAndAnyOther()
    {
        // Audit: get_gadget's 404 row was checked against errors' 404 (Error, requires code), so a target answering 404
        // with no body, exactly as the document says, failed ("Received: an empty body").
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportInlineAsync(folder, "bodiless", Document);
        var table = await File.ReadAllTextAsync(Path.Combine(folder.Path, "bodiless", "tables", "status.yaml"));

        var verdicts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, type, body) in new[] { ("empty", (string?)null, ""), ("json", "application/json", """{"message":"gone"}"""), ("html", "text/html", "<html><body>Not Found</body></html>") })
        {
            foreach (var result in await RunUnknownIdAsync(folder, "bodiless", type, body))
            {
                verdicts[$"{result.Row!.OperationId} {name}"] = result.Verdict == Verdict.Passed ? "passed" : $"{result.Verdict}: {result.Message}";
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
            Assert.That(table, Does.Contain("  - { op: get_gadget, scenario: unknown_id, with: {\"param\":\"id\",\"value\":\"99999999\"}, expect: 404, schema: none, checks: { content_type_conformance: off } }\n"));
            Assert.That(table, Does.Contain("  - { op: get_thing, scenario: unknown_id, with: {\"param\":\"id\",\"value\":\"99999999\"}, expect: 404 }\n"));
            Assert.That(table, Does.Contain("  - { op: get_tool, scenario: unknown_id, with: {\"param\":\"id\",\"value\":\"99999999\"}, expect: 404, schema: none }\n"));
            Assert.That(output, Does.Contain("note: 2 operation(s) document 404 without a body schema, which errors gives as schemas/Error.schema.json: their 404 rows have schema: none (the body is not checked), "
                + "and checks: { content_type_conformance: off } where they document no application/json body: get_gadget, get_tool\n"));
            Assert.That(new[] { "get_tool empty", "get_tool json" }.Select(k => verdicts[k]), Is.All.EqualTo("passed"), "get_tool promises JSON of any shape");
            Assert.That(verdicts["get_tool html"], Does.StartWith("Failed: ").And.Contain("FAILED content_type_conformance: Content-Type mismatch / Expected: application/json for 404"));
            Assert.That(new[] { "get_gadget empty", "get_gadget json", "get_gadget html" }.Select(k => verdicts[k]), Is.All.EqualTo("passed"), "the document promises nothing about get_gadget's 404 body");
            Assert.That(new[] { "get_thing empty", "get_thing json", "get_thing html" }.Select(k => verdicts[k]), Has.None.EqualTo("passed"), "get_thing promises an Error body");
        });
    }

    [Test]
    public async Task Import_404WithItsOwnSchema_CheckedAgainstItsOwnNotTheShared()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, _, _) = await ImportInlineAsync(folder, "own", Document);

        var own = (await RunUnknownIdAsync(folder, "own", "application/json", """{"reason":"no such part"}""")).Single(r => r.Row!.OperationId == "get_part");
        var shared = (await RunUnknownIdAsync(folder, "own", "application/json", """{"code":"NOT_FOUND"}""")).Single(r => r.Row!.OperationId == "get_part");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(own.Verdict, Is.EqualTo(Verdict.Passed), own.Message);
            Assert.That(shared.Verdict, Is.EqualTo(Verdict.Failed));
            Assert.That(shared.Failures.Select(f => f.Message), Is.EqualTo(new[] { "Body schema violation / 1 error(s) against schemas/Missing.schema.json (for 404)" }));
        });
    }

    [Test]
    public async Task Import_400And422DocumentedWithoutABody_TheEitherRowChecksNoBody()
    {
        using var folder = new ImportFolder();
        var body = """ "requestBody":{"content":{"application/json":{"schema":{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}}}}},""";
        var error = """{"description":"no","content":{"application/json":{"schema":{"type":"object","required":["code"]}}}}""";
        var (code, output, errors, _, loaded) = await ImportInlineAsync(folder, "either", """
            {"openapi":"3.0.3","info":{"title":"Either","version":"1"},"paths":{
              "/a":{"post":{"operationId":"createA",BODY"responses":{"201":{"description":"ok"},"400":ERROR,"422":ERROR}}},
              "/b":{"post":{"operationId":"createB",BODY"responses":{"201":{"description":"ok"},"400":{"description":"bad"},"422":{"description":"invalid"}}}}}}
            """.Replace("BODY", body, StringComparison.Ordinal).Replace("ERROR", error, StringComparison.Ordinal));

        var table = await File.ReadAllTextAsync(Path.Combine(folder.Path, "either", "tables", "status.yaml"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
            Assert.That(table, Does.Contain("  - { op: create_b, scenario: missing_field, with: {\"field\":\"/name\"}, expect: [400, 422], schema: none, checks: { content_type_conformance: off } }\n"));
            Assert.That(table, Does.Contain("  - { op: create_a, scenario: missing_field, with: {\"field\":\"/name\"}, expect: [400, 422] }\n"));
        });
    }

    /// <summary>The unknown_id rows of the drafted pack, run against an API answering 404 with this body (no Content-Type when null).</summary>
    private static async Task<List<CaseResult>> RunUnknownIdAsync(ImportFolder folder, string name, string? contentType, string body)
    {
        await using var api = await StubApi.StartAsync(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            if (contentType is not null)
            {
                context.Response.ContentType = contentType;
                await context.Response.WriteAsync(body);
            }
        });
        return await api.RunAsync(Path.Combine(folder.Path, name), r => r.ScenarioId == "unknown_id");
    }
}
