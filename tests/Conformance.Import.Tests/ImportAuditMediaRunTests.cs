using static Conformance.Import.Tests.ImportRunTests;

namespace Conformance.Import.Tests;

/// <summary>What an audit found the importer drafting wrong for list parameters and responses under <c>*/*</c>.</summary>
public sealed class ImportAuditMediaRunTests
{
    [Test]
    public async Task Import_ArrayQueryParameter_SentAsItsStyleSays()
    {
        // Audit: the canonical Petstore findByStatus drafted ?status=[] (the list as JSON text): a form list goes out as
        // its items (status=available); unexploded ones joined with the style's delimiter; repeated names (two or more
        // items, exploded form) as a YAML list, which a pack's query sends as the name once per item (was: the first
        // item only, with a note).
        using var folder = new ImportFolder();
        var (code, output, errors, apiYaml, loaded) = await ImportInlineAsync(folder, "lists", """
            {"openapi":"3.0.3","info":{"title":"Lists","version":"1"},"paths":{"/pets":{"get":{"operationId":"findByStatus","parameters":[
              {"name":"status","in":"query","required":true,"explode":true,"schema":{"type":"array","items":{"type":"string","enum":["available","pending","sold"],"default":"available"}}},
              {"name":"ids","in":"query","required":true,"style":"form","explode":false,"schema":{"type":"array","minItems":2,"uniqueItems":true,"items":{"type":"integer","minimum":1}}},
              {"name":"tag","in":"query","required":true,"schema":{"type":"array","minItems":2,"uniqueItems":true,"items":{"type":"string","enum":["a","b"]}}},
              {"name":"X-Ids","in":"header","required":true,"schema":{"type":"array","minItems":2,"items":{"type":"string","enum":["x","y"]}}}],
              "responses":{"200":{"description":"ok"}}}}}}
            """);

        var op = loaded.Pack!.Operations["find_by_status"];
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(op.Query, Is.EqualTo(new KeyValuePair<string, string>[] { new("status", "available"), new("ids", "1,2"), new("tag", "a"), new("tag", "b") }));
            Assert.That(apiYaml, Does.Contain("    query: {\"status\":\"available\",\"ids\":\"1,2\",\"tag\":[\"a\",\"b\"]}\n"));
            Assert.That(op.Headers["X-Ids"], Is.EqualTo("x,x"));
            Assert.That(output, Does.Not.Contain("repeated names"));
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
        });
    }

    [Test]
    public async Task Import_ResponseUnderAnyMediaType_SchemaTakenAsJsonWithANote()
    {
        // Audit: springdoc documents every response under */*; they got no schema and no note.
        using var folder = new ImportFolder();
        var (code, output, errors, apiYaml, loaded) = await ImportInlineAsync(folder, "spring", """
            {"openapi":"3.0.1","info":{"title":"Spring","version":"v0"},"paths":{"/api/items/{id}":{"get":{"operationId":"getItem",
              "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer","format":"int64"}}],
              "responses":{"200":{"description":"OK","content":{"*/*":{"schema":{"$ref":"#/components/schemas/Item"}}}},
                           "404":{"description":"Not Found","content":{"*/*":{"schema":{"$ref":"#/components/schemas/ErrorResponse"}}}}}}}},
             "components":{"schemas":{"Item":{"type":"object","required":["id"],"properties":{"id":{"type":"integer","format":"int64"}}},
                                      "ErrorResponse":{"type":"object","properties":{"message":{"type":"string"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Pack!.Operations["get_item"].Schema, Is.EqualTo("schemas/Item.schema.json"));
            Assert.That(apiYaml, Does.Contain("  404: { schema: schemas/ErrorResponse.schema.json, contentType: application/json }\n"));
            Assert.That(output, Does.Contain("note: 2 response(s) documented only as */* (any media type, springdoc's default) with an object, array or referenced schema are taken as JSON (application/json) and get a body contract: get_item 200, get_item 404; check that the API answers JSON there\n"));
        });
    }
}
