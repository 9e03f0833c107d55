using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Probing;
using Conformance.ReferenceApi;
using Conformance.Reporting;
using Conformance.Targets;
using static Conformance.Import.Tests.ImportRunTests;

namespace Conformance.Import.Tests;

/// <summary>
/// Drafted request samples meet their schema (bounds, const, pattern) or a note says where they cannot, and a form body
/// is drafted as one (imported inline documents, loaded and, where the reference API serves them, run).
/// </summary>
public sealed class ImportSamplesRunTests
{
    [Test]
    public async Task Import_BoundsAndConst_SampleMeetsThem()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, apiYaml, loaded) = await ImportBodyAsync(folder, "bounds", """
                {"type":"object","required":["count","ratio","small","code","kind"],"properties":{
                  "count":{"type":"integer","exclusiveMinimum":10},
                  "ratio":{"type":"number","maximum":0.25},
                  "small":{"type":"integer","exclusiveMaximum":1},
                  "code":{"type":"string","maxLength":3},
                  "kind":{"const":"cat"}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Pack!.Operations["create_thing"].Body!.ToJsonString(), Is.EqualTo("""{"count":11,"ratio":0.25,"small":0,"code":"sam","kind":"cat"}"""));
        });
    }

    [Test]
    public async Task Import_NullsTypedConstsAndHugeLengths_DraftedAsTheSchemaSays()
    {
        // Audit: null defaults/enums came out as the OpenAPI reader's marker string, const 5 as "5", and a minLength of
        // 2^31 ran the importer out of memory.
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportBodyAsync(folder, "odd", """
                {"type":"object","required":["a","b","c","d","e","f"],"properties":{
                  "a":{"type":["string","null"],"default":null},
                  "b":{"type":["string","null"],"enum":[null,"x"]},
                  "c":{"type":"integer","const":5},
                  "d":{"type":"boolean","const":false},
                  "e":{"type":"string","minLength":2147483647},
                  "f":{"type":"array","minItems":1000000,"items":{"type":"integer"}}}}
            """);

        var body = loaded.Pack!.Operations["create_thing"].Body!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That((body.ContainsKey("a"), body["a"]), Is.EqualTo((true, (System.Text.Json.Nodes.JsonNode?)null)));
            Assert.That((body.ContainsKey("b"), body["b"]), Is.EqualTo((true, (System.Text.Json.Nodes.JsonNode?)null)));
            Assert.That(body["c"]!.ToJsonString(), Is.EqualTo("5"));
            Assert.That(body["d"]!.ToJsonString(), Is.EqualTo("false"));
            Assert.That(body["e"]!.GetValue<string>(), Has.Length.EqualTo(4096), "bounded, not 2^31 characters");
            Assert.That(body["f"]!.AsArray(), Has.Count.EqualTo(4096));
        });
    }

    [Test]
    public async Task Import_MultipleOfAndNarrowBounds_NumberMeetsThem()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportBodyAsync(folder, "numbers", """
                {"type":"object","required":["a","b","c","d","e"],"properties":{
                  "a":{"type":"integer","multipleOf":5},
                  "b":{"type":"integer","minimum":1,"multipleOf":10},
                  "c":{"type":"number","exclusiveMinimum":0,"exclusiveMaximum":0.3},
                  "d":{"type":"integer","minimum":1.5},
                  "e":{"type":"number","maximum":100}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Pack!.Operations["create_thing"].Body!.ToJsonString(), Is.EqualTo("""{"a":5,"b":10,"c":0.15,"d":2,"e":1}"""));
        });
    }

    [Test]
    public async Task Import_RequiredAndPropertiesInDifferentAllOfParts_PropertyDrafted()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportBodyAsync(folder, "split", """
                {"type":"object","required":["a"],"allOf":[
                  {"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"string"}}},
                  {"required":["b"]}]}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Pack!.Operations["create_thing"].Body!.ToJsonString(), Is.EqualTo("""{"a":1,"b":"sample"}"""));
        });
    }

    /// <summary>Imports a document of one operation, createThing (POST /things), whose JSON request body has <paramref name="schema"/>.</summary>
    internal static Task<(int Code, string Output, string Errors, string ApiYaml, LoadedPack Loaded)> ImportBodyAsync(ImportFolder folder, string name, string schema) =>
        ImportInlineAsync(folder, name, "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + name + "\",\"version\":\"1\"},\"paths\":{\"/things\":{\"post\":{\"operationId\":\"createThing\","
            + "\"requestBody\":{\"content\":{\"application/json\":{\"schema\":" + schema + "}}},\"responses\":{\"201\":{\"description\":\"created\"}}}}}}");

    [Test]
    public async Task Import_Pattern_SampleMatchesItOrANoteSaysWhere()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, apiYaml, loaded) = await ImportInlineAsync(folder, "codes", """
            {"openapi":"3.1.0","info":{"title":"Codes","version":"1"},
             "paths":{"/orders/{ref}":{"put":{"operationId":"putOrder",
               "parameters":[{"name":"ref","in":"path","required":true,"schema":{"type":"string","pattern":"^ord_[0-9a-f]{6}$"}}],
               "requestBody":{"content":{"application/json":{"schema":{"type":"object","required":["code","lines","pin"],"properties":{
                  "code":{"type":"string","pattern":"^[A-Z]{3}-\\d{4}$"},
                  "lines":{"type":"array","minItems":1,"items":{"type":"object","required":["sku"],"properties":{"sku":{"type":"string","pattern":"^(?:SKU|ART)_\\w+$","minLength":10}}}},
                  "pin":{"type":"string","pattern":"^(?=.*\\d)[a-z\\d]{4}$"}}}}}},
               "responses":{"200":{"description":"replaced"}}}}}}
            """);

        var body = loaded.Pack!.Operations["put_order"].Body!;
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(body["code"]!.GetValue<string>(), Does.Match(@"^[A-Z]{3}-\d{4}$").And.EqualTo("AAA-0000"), "was \"sample\"");
            Assert.That(body["lines"]![0]!["sku"]!.GetValue<string>(), Is.EqualTo("SKU_aaaaaa"));
            Assert.That(loaded.Pack.Operations["put_order"].Params["ref"], Is.EqualTo("${ref}"));
            Assert.That(loaded.Pack.Vars["ref"]!.GetValue<string>(), Is.EqualTo("ord_000000"));
            Assert.That(body["pin"]!.GetValue<string>(), Is.EqualTo("sample"), "a lookahead: the fallback stays");
            Assert.That(output.Split('\n').Count(l => l.Contains("must match pattern", StringComparison.Ordinal)), Is.EqualTo(1), "only the pattern it could not meet");
            Assert.That(output, Does.Contain("note: the request body sample of put_order at /pin must match pattern '^(?=.*\\d)[a-z\\d]{4}$' (within its minLength and maxLength), and the importer could not generate such a text: \"sample\" was drafted, write a matching value there by hand\n"));
        });
    }

    [Test]
    public async Task Import_FormAndMultipartBodies_FormDraftedAsBodyTypeFormOthersNoted()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, apiYaml, loaded) = await ImportInlineAsync(folder, "forms", """
            {"openapi":"3.0.3","info":{"title":"Forms","version":"1"},
             "paths":{
               "/token":{"post":{"operationId":"createToken",
                 "requestBody":{"content":{"application/x-www-form-urlencoded":{"schema":{"type":"object","required":["grant_type","scope","address"],"properties":{
                    "grant_type":{"type":"string","enum":["client_credentials"]},"scope":{"type":"string","example":"read write"},
                    "audience":{"type":"array","items":{"type":"string"},"example":["api","admin ui"]},
                    "address":{"type":"object","required":["city"],"properties":{"city":{"type":"string"}}}}}}}},
                 "responses":{"200":{"description":"issued"},"400":{"description":"bad form"},"415":{"description":"not a form"}}}},
               "/files":{"post":{"operationId":"uploadFile",
                 "requestBody":{"content":{"multipart/form-data":{"schema":{"type":"object","properties":{"file":{"type":"string","format":"binary"}}}}}},
                 "responses":{"201":{"description":"stored"}}}},
               "/raw":{"put":{"operationId":"putRaw","requestBody":{"content":{"text/plain":{"schema":{"type":"string"}}}},"responses":{"204":{"description":"stored"}}}}}}
            """);

        var token = loaded.Pack!.Operations["create_token"];
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
            Assert.That(apiYaml, Does.Contain("    body: {\"grant_type\":\"client_credentials\",\"scope\":\"read write\"}\n    bodyType: form  # sent as application/x-www-form-urlencoded\n"));
            Assert.That(token.BodyType, Is.EqualTo(BodyType.Form));
            Assert.That(Baseline.Build(loaded.Pack, token, null).Body, Is.EqualTo("grant_type=client_credentials&scope=read%20write"));
            Assert.That(output, Does.Not.Contain("note: the request body of create_token"));
            Assert.That(output, Does.Contain(
                "note: the form body sample of create_token has field 'address' whose sample is an object, which a form field cannot carry: the field was left out of the drafted body; "
                + "if the API reads it flattened (e.g. address[city]=Berlin), add those fields to the body by hand\n"));
            Assert.That(output, Does.Contain(
                "note: the request body of upload_file is documented only as multipart/form-data, which an operation of a pack cannot send (its body goes out as JSON, or as a form with bodyType: form): "
                + "the drafted rows of upload_file send no body. Replace its valid row by a custom row whose body is the multipart text (each part with its Content-Disposition header, "
                + "\\r\\n line ends, the closing boundary) and whose contentType is \"multipart/form-data; boundary=<that boundary>\", expecting 201\n"));
            Assert.That(output, Does.Contain(
                "note: the request body of put_raw is documented only as text/plain, which an operation of a pack cannot send (its body goes out as JSON, or as a form with bodyType: form): "
                + "the drafted rows of put_raw send no body. Replace its valid row by a custom row whose body is the text to send and whose contentType is text/plain, expecting 204\n"));
            Assert.That(loaded.Rows.Select(r => $"{r.OperationId} {r.ScenarioId}"), Is.EquivalentTo(new[]
            {
                "create_token valid", "create_token missing_field", "create_token wrong_content_type", "upload_file valid", "put_raw valid",
            }), "the form's rows: 400 from missing_field (never malformed_json), 415 from wrong_content_type");
        });
    }
}
