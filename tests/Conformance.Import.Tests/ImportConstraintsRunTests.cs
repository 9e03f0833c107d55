using System.Text.Json.Nodes;
using Conformance.Schema;
using static Conformance.Import.Tests.ImportSamplesRunTests;

namespace Conformance.Import.Tests;

/// <summary>
/// Drafted request bodies meet the constraints the audit found ignored (uniqueItems, a format with a pattern,
/// minProperties, additionalProperties, oneOf, not, contains), as the project's own validator judges them (formats
/// asserted), or a note says where they cannot.
/// </summary>
public sealed class ImportConstraintsRunTests
{
    [Test]
    public async Task Import_UniqueItems_ItemsDistinctOrANote()
    {
        // Audit: minItems 2 of strings drafted ["sample","sample"].
        const string schema = """
            {"type":"object","required":["tags","ids","days","flags"],"properties":{
              "tags":{"type":"array","minItems":2,"uniqueItems":true,"items":{"type":"string"}},
              "ids":{"type":"array","minItems":3,"uniqueItems":true,"items":{"type":"integer","minimum":1}},
              "days":{"type":"array","minItems":2,"uniqueItems":true,"items":{"type":"string","format":"date"}},
              "flags":{"type":"array","minItems":3,"uniqueItems":true,"items":{"type":"boolean"}}}}
            """;
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportBodyAsync(folder, "unique", schema);

        var body = loaded.Pack!.Operations["create_thing"].Body!;
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(body.ToJsonString(), Is.EqualTo("""{"tags":["sample","sampla"],"ids":[1,2,3],"days":["2024-01-01","2024-01-02"],"flags":[true,false,true]}"""));
            Assert.That(Errors(schema, body), Is.EqualTo(new[] { "/flags: array items 0 and 2 are equal (true) but uniqueItems is true" }), "only the list no distinct items can fill");
            Assert.That(Notes(output), Is.EqualTo(new[]
            {
                "note: the request body sample of create_thing at /flags does not meet its schema (array items 0 and 2 are equal (true) but uniqueItems is true), and the importer could not draft a value that does: [true,false,true] was drafted, write a valid value there by hand",
            }));
        });
    }

    [Test]
    public async Task Import_FormatAndPattern_TextMeetsBothOrANote()
    {
        // Audit: a date-time pattern drafted 0000-00-00T00:00:00+00:00, which no date-time is.
        const string schema = """
            {"type":"object","required":["at","ip","day","bad"],"properties":{
              "at":{"type":"string","format":"date-time","pattern":"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}$"},
              "ip":{"type":"string","format":"ipv4","pattern":"^\\d{3}\\.\\d{3}\\.\\d{3}\\.\\d{3}$"},
              "day":{"type":"string","format":"date","pattern":"^\\d{4}-\\d{2}-\\d{2}$"},
              "bad":{"type":"string","format":"date","pattern":"^\\d{4}-13-\\d{2}$"}}}
            """;
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportBodyAsync(folder, "formats", schema);

        var body = loaded.Pack!.Operations["create_thing"].Body!;
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(body.ToJsonString(), Is.EqualTo("""{"at":"2024-01-01T00:00:00\u002B00:00","ip":"111.111.111.111","day":"2024-01-01","bad":"2024-13-01"}"""));
            Assert.That(Errors(schema, body), Is.EqualTo(new[] { "/bad: \"2024-13-01\" is not a valid \"date\"" }), "only the value no date can be");
            Assert.That(Notes(output), Is.EqualTo(new[]
            {
                "note: the request body sample of create_thing at /bad must match pattern '^\\d{4}-13-\\d{2}$' (within its minLength and maxLength) and be a valid 'date' (its format), and the importer could not generate such a text: \"2024-13-01\" was drafted, write a matching value there by hand",
            }));
        });
    }

    [Test]
    public async Task Import_ObjectAndCombinedConstraints_SampleMeetsThemOrANote()
    {
        // Audit: minProperties drafted {}, additionalProperties was ignored, 1 matched both branches of a oneOf,
        // "sample" matched a not, and an array with contains was drafted empty.
        const string schema = """
            {"type":"object","required":["meta","labels","num","word","count","pets","ranks","either","closed"],"properties":{
              "meta":{"type":"object","minProperties":2,"properties":{"a":{"type":"string"},"b":{"type":"integer"}}},
              "labels":{"type":"object","minProperties":2,"additionalProperties":{"type":"integer","minimum":5}},
              "num":{"oneOf":[{"type":"integer"},{"type":"number"}]},
              "word":{"type":"string","not":{"const":"sample"}},
              "count":{"type":"integer","not":{"enum":[1,2]}},
              "pets":{"type":"array","contains":{"type":"integer","minimum":10},"items":{"type":"integer"}},
              "ranks":{"type":"array","minItems":3,"uniqueItems":true,"contains":{"type":"integer","minimum":10},"minContains":2,"maxContains":2,"items":{"type":"integer"}},
              "either":{"oneOf":[{"type":"string","maxLength":10},{"type":"string"}]},
              "closed":{"type":"object","minProperties":1,"additionalProperties":false}}}
            """;
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportBodyAsync(folder, "shapes", schema);

        var body = loaded.Pack!.Operations["create_thing"].Body!;
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(body.ToJsonString(), Is.EqualTo(
                """{"meta":{"a":"sample","b":1},"labels":{"additionalProp1":5,"additionalProp2":6},"num":1.5,"word":"sampla","count":3,"pets":[10],"ranks":[10,11,1],"either":"sampleaaaaa","closed":{}}"""), "either: longer than 10, only its second branch");
            Assert.That(Errors(schema, body), Is.EqualTo(new[]
            {
                "/closed: object has 0 properties, fewer than the minimum 1",
            }), "only what no sample can meet");
            Assert.That(Notes(output), Is.EqualTo(new[]
            {
                "note: the request body sample of create_thing at /closed does not meet its schema (object has 0 properties, fewer than the minimum 1), and the importer could not draft a value that does: {} was drafted, write a valid value there by hand",
            }));
        });
    }

    [Test]
    public async Task Import_OneOfOrNotThatALengthDecides_TextOfAnotherLength()
    {
        // The variants of a text change its last characters or add one, so a oneOf whose branches overlap on lengths
        // (maxLength 10 and any string) or a not of a length range got no valid text and a note.
        const string schema = """
            {"type":"object","required":["either","long","short","both"],"properties":{
              "either":{"oneOf":[{"type":"string","maxLength":10},{"type":"string"}]},
              "long":{"type":"string","not":{"maxLength":8}},
              "short":{"type":"string","oneOf":[{"minLength":3},{"maxLength":20}]},
              "both":{"type":"string","minLength":4,"not":{"minLength":4,"maxLength":6}}}}
            """;
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportBodyAsync(folder, "lengths", schema);

        var body = loaded.Pack!.Operations["create_thing"].Body!;
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(body.ToJsonString(), Is.EqualTo("""{"either":"sampleaaaaa","long":"sampleaaa","short":"sa","both":"samplea"}"""));
            Assert.That(Errors(schema, body), Is.Empty);
            Assert.That(Notes(output), Is.Empty);
        });
    }

    [Test]
    public async Task Import_VariantOfAnObjectWhoseFirstPropertyCannotVary_NextPropertyVaried()
    {
        // A variant of an object varied only its first property: with a const there, every variant was the sample itself,
        // so unique items repeated it and a not of the sample found nothing, each with a note.
        const string tag = """{"type":"object","required":["kind","name"],"properties":{"kind":{"type":"string","const":"x"},"name":{"type":"string"}}""";
        const string schema = """
            {"type":"object","required":["tags","pick"],"properties":{
              "tags":{"type":"array","minItems":3,"uniqueItems":true,"items":
            """ + tag + """
            }},"pick":
            """ + tag + """
            ,"not":{"properties":{"name":{"const":"sample"}}}}}}
            """;
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportBodyAsync(folder, "varied", schema);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Pack!.Operations["create_thing"].Body!.ToJsonString(), Is.EqualTo(
                """{"tags":[{"kind":"x","name":"sample"},{"kind":"x","name":"sampla"},{"kind":"x","name":"samplb"}],"pick":{"kind":"x","name":"sampla"}}"""));
            Assert.That(Notes(output), Is.Empty);
        });
    }

    [Test]
    public async Task Import_UniqueItemsOfManyObjects_FirstPropertyVariedOutsideTheSearchBudget()
    {
        // Varying the first property costs nothing from the sample's search budget (256 candidates), as before a const
        // could pass the variant on: two lists of 200 unique objects stay distinct.
        const string schema = """
            {"type":"object","required":["a","b"],"properties":{
              "a":{"type":"array","minItems":200,"uniqueItems":true,"items":{"type":"object","required":["id"],"properties":{"id":{"type":"integer"}}}},
              "b":{"type":"array","minItems":200,"uniqueItems":true,"items":{"type":"object","required":["id"],"properties":{"id":{"type":"integer"}}}}}}
            """;
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportBodyAsync(folder, "many", schema);

        var body = loaded.Pack!.Operations["create_thing"].Body!;
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(body["b"]!.AsArray().Select(r => r!.ToJsonString()).ToList(), Is.Unique.And.Count.EqualTo(200));
            Assert.That(Notes(output), Is.Empty);
        });
    }

    [Test]
    public async Task Import_UniqueItemsOfABacktrackingPattern_DistinctItemsNoNote()
    {
        // The variants of "a" x 30 for ^(a+)+$ end in a near miss that backtracks for ages: the search ran over 5 minutes,
        // then stopped at a 250 ms timeout and repeated the item, with a note. Matched in time linear in the text, the
        // variant one character longer is found.
        const string schema = """
            {"type":"object","required":["h"],"properties":{
              "h":{"type":"array","minItems":2,"uniqueItems":true,"items":{"type":"string","pattern":"^(a+)+$","minLength":30}}}}
            """;
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportBodyAsync(folder, "redos", schema);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Pack!.Operations["create_thing"].Body!.ToJsonString(), Is.EqualTo($$"""{"h":["{{new string('a', 30)}}","{{new string('a', 31)}}"]}"""));
            Assert.That(Notes(output), Is.Empty);
        });
    }

    [Test]
    public async Task Import_NestedOneOfsNoValueMeets_DraftedInSecondsWithANote()
    {
        // Seven nested oneOfs of two equal branches: each level searched its candidates again for every candidate of the
        // level above (5 levels took 9 s, 7 ran for minutes).
        var schema = "{\"type\":\"string\"}";
        for (var i = 0; i < 7; i++)
        {
            schema = $$"""{"oneOf":[{{schema}},{{schema}}]}""";
        }

        using var folder = new ImportFolder();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (code, output, errors, _, loaded) = await ImportBodyAsync(folder, "nested", """{"type":"object","required":["x"],"properties":{"x":""" + schema + "}}");

        Assert.Multiple(() =>
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Pack!.Operations["create_thing"].Body!.ToJsonString(), Is.EqualTo("""{"x":"sample"}"""));
            Assert.That(Notes(output), Has.Length.EqualTo(1).And.All.StartWith("note: the request body sample of create_thing at /x does not meet its schema (value does not match any of the 2 schemas in \"oneOf\""));
        });
    }

    [Test]
    public async Task Import_FinalCheck_NotesOnlyWhatTheSampleMisses()
    {
        // The final check reads the schema as a request does: a required readOnly property left out, the reader's null
        // marker, a const the writer gives as text (5 as "5") are no misses; a minLength above maxLength is one.
        const string schema = """
            {"type":"object","required":["id","a","b","c","d","e"],"properties":{
              "id":{"type":"integer","readOnly":true},
              "a":{"type":["string","null"],"default":null},
              "b":{"type":["string","null"],"enum":[null,"x"]},
              "c":{"type":"integer","const":5},
              "d":{"type":"boolean","const":false},
              "e":{"type":"string","minLength":3,"maxLength":2}}}
            """;
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportBodyAsync(folder, "checked", schema);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Pack!.Operations["create_thing"].Body!.ToJsonString(), Is.EqualTo("""{"a":null,"b":null,"c":5,"d":false,"e":"sa"}"""));
            Assert.That(Notes(output), Is.EqualTo(new[]
            {
                "note: the request body sample of create_thing at /e does not meet its schema (\"sa\" is shorter than the minimum length 3 (2 characters)), and the importer could not draft a value that does: \"sa\" was drafted, write a valid value there by hand",
            }));
        });
    }

    [Test]
    public async Task Import_TypedConstInAResponseSchema_WrittenAsThatJson()
    {
        // Microsoft.OpenApi keeps a const as text and writes it back so ("const": "5" for an integer): the pack's schema
        // file rejected every response, 5 included.
        using var folder = new ImportFolder();
        var (code, output, errors, _, _) = await ImportRunTests.ImportInlineAsync(folder, "consts", """
            {"openapi":"3.1.0","info":{"title":"consts","version":"1"},"paths":{"/things":{"get":{"operationId":"getThing","responses":{"200":{"description":"ok",
              "content":{"application/json":{"schema":{"type":"object","properties":{"c":{"type":"integer","const":5},"d":{"type":"boolean","const":false},"s":{"type":"string","const":"5"}}}}}}}}}}}
            """);

        var file = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Path, "consts", "schemas", "get_thing-200.schema.json")))!["properties"]!;
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(new[] { file["c"]!["const"]!.ToJsonString(), file["d"]!["const"]!.ToJsonString(), file["s"]!["const"]!.ToJsonString() }, Is.EqualTo(new[] { "5", "false", "\"5\"" }));
        });
    }

    /// <summary>The project's validator's errors for <paramref name="body"/> (formats asserted), as "location: message".</summary>
    private static string[] Errors(string schema, JsonNode body)
    {
        var loaded = JsonSchema.Parse(schema, options: new SchemaOptions { FormatAssertion = true });
        Assert.That(loaded.Schema, Is.Not.Null, string.Join("; ", loaded.Diagnostics));
        return [.. loaded.Schema!.Validate(body).Errors.Select(e => e.ToString()).Distinct()];
    }

    private static string[] Notes(string output) => [.. output.Split('\n').Where(l => l.StartsWith("note: the request body", StringComparison.Ordinal))];
}
