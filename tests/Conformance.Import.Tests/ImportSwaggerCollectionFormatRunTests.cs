using System.Text;
using Conformance.Reporting;
using static Conformance.Import.Tests.ImportRunTests;

namespace Conformance.Import.Tests;

/// <summary>
/// Swagger 2.0 lists joined by a <c>collectionFormat</c> OpenAPI 3 has no style for: <c>tsv</c> (a tab) was left out
/// with a note and drafted joined by <c>,</c>; a list of lists whose items have their own <c>collectionFormat</c> was
/// drafted as its JSON text (<c>grid=[[1,1]]</c>) with a note. Both are drafted as Swagger 2.0 sends them now, where the
/// pack's text value can carry it; what it cannot (an inner <c>multi</c>) keeps a note.
/// </summary>
public sealed class ImportSwaggerCollectionFormatRunTests
{
    private const string Tsv = """
        {"swagger":"2.0","info":{"title":"t","version":"1"},"paths":{
          "/things/{p}":{"get":{"operationId":"getThings","parameters":[
            {"name":"p","in":"path","required":true,"type":"array","items":{"type":"integer","enum":[1,2]},"minItems":2,"uniqueItems":true,"collectionFormat":"tsv"},
            {"name":"ids","in":"query","required":true,"type":"array","items":{"type":"string","enum":["a","b"]},"minItems":2,"uniqueItems":true,"collectionFormat":"tsv"},
            {"name":"X-Ids","in":"header","required":true,"type":"array","items":{"type":"string","enum":["x","y"]},"minItems":2,"uniqueItems":true,"collectionFormat":"tsv"}],
            "responses":{"200":{"description":"ok"}}},
          "post":{"operationId":"postThings","consumes":["application/x-www-form-urlencoded"],"parameters":[
            {"name":"p","in":"path","required":true,"type":"string","enum":["z"]},
            {"name":"t","in":"formData","required":true,"type":"array","items":{"type":"string","enum":["p","q"]},"minItems":2,"uniqueItems":true,"collectionFormat":"tsv"}],
            "responses":{"200":{"description":"ok"}}}}}}
        """;

    [Test]
    public async Task Import_SwaggerTsvLists_DraftedJoinedByATab()
    {
        using var folder = new ImportFolder();

        var (code, output, errors, apiYaml, loaded) = await ImportInlineAsync(folder, "tabs", Tsv);

        var get = loaded.Pack!.Operations["get_things"];
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(apiYaml, Does.Contain("    query: {\"ids\":\"a\\tb\"}\n    headers: {\"X-Ids\":\"x\\ty\"}\n"));
            Assert.That(get.Query, Is.EqualTo(new KeyValuePair<string, string>[] { new("ids", "a\tb") }));
            Assert.That(get.Headers["X-Ids"], Is.EqualTo("x\ty"));
            Assert.That(apiYaml, Does.Contain("    body: {\"t\":\"p\\tq\"}\n    bodyType: form"));
            Assert.That(output, Does.Not.Contain("note:"));
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
        });
    }

    [Test]
    public async Task Import_SwaggerTsvLists_SentWithTheTabPercentEncoded()
    {
        using var folder = new ImportFolder();
        await ImportInlineAsync(folder, "wire", Tsv);
        var seen = new List<string>();
        await using var api = await StubApi.StartAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            string[] parts = [context.Request.Method, context.Request.Path.ToUriComponent() + context.Request.QueryString, context.Request.Headers["X-Ids"].ToString(), await reader.ReadToEndAsync()];
            seen.Add(string.Join(' ', parts.Where(p => p.Length > 0)));
        });

        var results = await api.RunAsync(Path.Combine(folder.Path, "wire"), r => r.ScenarioId == "valid", mutate: true);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.EqualTo(new[] { Verdict.Passed, Verdict.Passed }), string.Join("\n", results.Select(r => r.Message)));
            Assert.That(seen, Is.EqualTo(new[] { "GET /things/1%092?ids=a%09b x\ty", "POST /things/z t=p%09q" }));
        });
    }

    [Test]
    public async Task Import_SwaggerListsOfListsWithInnerCollectionFormats_DraftedJoinedByEach()
    {
        using var folder = new ImportFolder();

        var (code, output, errors, apiYaml, loaded) = await ImportInlineAsync(folder, "grids", """
            {"swagger":"2.0","info":{"title":"t","version":"1"},"paths":{"/grids":{
              "get":{"operationId":"getGrids","parameters":[
                {"name":"grid","in":"query","required":true,"type":"array","minItems":2,"items":{"type":"array","items":{"type":"integer","enum":[1]},"minItems":2,"collectionFormat":"pipes"}},
                {"name":"rows","in":"query","required":true,"type":"array","minItems":2,"collectionFormat":"multi","items":{"type":"array","items":{"type":"integer","enum":[2]},"minItems":2,"collectionFormat":"tsv"}},
                {"name":"X-Cube","in":"header","required":true,"type":"array","minItems":1,"collectionFormat":"pipes","items":{"type":"array","minItems":2,"collectionFormat":"ssv","items":{"type":"array","items":{"type":"string","enum":["c"]},"minItems":2}}}],
                "responses":{"200":{"description":"ok"}}},
              "post":{"operationId":"postGrids","consumes":["application/x-www-form-urlencoded"],"parameters":[
                {"name":"cells","in":"formData","required":true,"type":"array","minItems":2,"collectionFormat":"ssv","items":{"type":"array","items":{"type":"integer","enum":[3]},"minItems":2}}],
                "responses":{"200":{"description":"ok"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(apiYaml, Does.Contain("    query: {\"grid\":\"1|1,1|1\",\"rows\":[\"2\\t2\",\"2\\t2\"]}\n    headers: {\"X-Cube\":\"c,c c,c\"}\n"));
            Assert.That(apiYaml, Does.Contain("    body: {\"cells\":\"3,3 3,3\"}\n    bodyType: form"));
            Assert.That(output, Does.Not.Contain("note:"));
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
        });
    }

    [Test]
    public async Task Import_SwaggerListsOfListsWithNoKeywordTheReaderRefuses_DraftedJoinedByEach()
    {
        // Read by the reader's parameter items, not as a schema (no minItems on the outer list): joined the same.
        using var folder = new ImportFolder();

        var (code, output, errors, apiYaml, _) = await ImportInlineAsync(folder, "plain", """
            {"swagger":"2.0","info":{"title":"t","version":"1"},"paths":{"/grids":{
              "get":{"operationId":"getGrids","parameters":[
                {"name":"grid","in":"query","required":true,"type":"array","items":{"type":"array","items":{"type":"integer","enum":[1]},"minItems":2,"collectionFormat":"pipes"}},
                {"name":"X-G","in":"header","required":true,"type":"array","collectionFormat":"tsv","items":{"type":"array","items":{"type":"integer","enum":[1]},"minItems":2}}],
                "responses":{"200":{"description":"ok"}}},
              "post":{"operationId":"postGrids","consumes":["application/x-www-form-urlencoded"],"parameters":[
                {"name":"cells","in":"formData","required":true,"type":"array","collectionFormat":"pipes","items":{"type":"array","items":{"type":"integer","enum":[3]},"minItems":2,"collectionFormat":"ssv"}}],
                "responses":{"200":{"description":"ok"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(apiYaml, Does.Contain("    query: {\"grid\":\"1|1\"}\n    headers: {\"X-G\":\"1,1\"}\n"));
            Assert.That(apiYaml, Does.Contain("    body: {\"cells\":\"3 3\"}\n    bodyType: form"));
            Assert.That(output, Does.Not.Contain("note:"));
        });
    }

    [Test]
    public async Task Import_SwaggerTsvFormFieldWhoseItemHoldsATab_NoteNamesTheTab()
    {
        using var folder = new ImportFolder();

        var (code, output, errors, _, _) = await ImportInlineAsync(folder, "clash", """
            {"swagger":"2.0","info":{"title":"t","version":"1"},"paths":{"/things":{"post":{"operationId":"postThings","consumes":["application/x-www-form-urlencoded"],
              "parameters":[{"name":"t","in":"formData","required":true,"type":"array","items":{"type":"string","enum":["p\tq"]},"collectionFormat":"tsv"}],
              "responses":{"200":{"description":"ok"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(output.Split('\n').Where(l => l.StartsWith("note: ", StringComparison.Ordinal)), Is.EqualTo(new[]
            {
                "note: the form body sample of post_things has field 't' sent with its items joined by a tab (collectionFormat: tsv), and an item holds a tab itself (\"p\\tq\"), "
                    + "so the API reads more items than were drafted: write items without a tab there by hand",
            }));
        });
    }

    [Test]
    public async Task Import_SwaggerInnerListMarkedMulti_DraftedAsItsJsonTextWithANote()
    {
        using var folder = new ImportFolder();

        var (code, output, errors, apiYaml, _) = await ImportInlineAsync(folder, "multi", """
            {"swagger":"2.0","info":{"title":"t","version":"1"},"paths":{"/grids":{"get":{"operationId":"getGrids","parameters":[
              {"name":"grid","in":"query","required":true,"type":"array","items":{"type":"array","items":{"type":"integer","enum":[1]},"minItems":2,"collectionFormat":"multi"}}],
              "responses":{"200":{"description":"ok"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(apiYaml, Does.Contain("    query: {\"grid\":\"[[1,1]]\"}\n"));
            Assert.That(output.Split('\n').Where(l => l.StartsWith("note: ", StringComparison.Ordinal)), Is.EqualTo(new[]
            {
                "note: the items of the parameter 'grid' at #/paths/~1grids/get/parameters/0 have collectionFormat: multi, which repeats a parameter's name and cannot join a list inside a list: "
                    + "left out, so each inner list is drafted as its JSON text; write it as the API reads it by hand",
            }));
        });
    }

    [Test]
    public async Task Import_SwaggerResponseHeaderMarkedMulti_ImportedWithANote()
    {
        // Review: a response header with collectionFormat: multi (Swagger 2.0 allows it in a query or a form only) made the
        // whole document CT0401 at (1,1), "Unrecognized header style: multi, the OpenAPI reader gave no place for it".
        using var folder = new ImportFolder();

        var (code, output, errors, _, loaded) = await ImportInlineAsync(folder, "heads", """
            {"swagger":"2.0","info":{"title":"t","version":"1"},"paths":{"/things":{"get":{"operationId":"getThings",
              "responses":{"200":{"description":"ok","headers":{"X-Multi":{"type":"array","items":{"type":"string"},"collectionFormat":"multi"}}}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Rows.Select(r => r.ScenarioId), Is.EqualTo(new[] { "valid" }));
            Assert.That(output.Split('\n').Where(l => l.StartsWith("note: ", StringComparison.Ordinal)), Is.EqualTo(new[]
            {
                "note: the response header 'X-Multi' at #/paths/~1things/get/responses/200/headers/X-Multi has collectionFormat: multi (its items as repeated names), which Swagger 2.0 allows only in a query or a form "
                    + "and the reader does not take on a header: left out (a pack does not check response headers)",
            }));
        });
    }
}
