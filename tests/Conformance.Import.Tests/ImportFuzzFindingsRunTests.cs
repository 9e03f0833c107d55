using static Conformance.Import.Tests.ImportRunTests;

namespace Conformance.Import.Tests;

/// <summary>
/// What random documents (a fuzzer of valid OpenAPI 3.0 and 3.1) found the importer drafting wrong: each test is one
/// minimised document.
/// </summary>
public sealed class ImportFuzzFindingsRunTests
{
    [Test]
    public async Task Import_NoStatusAScenarioProvokes_NoEmptyTableAndANote()
    {
        // Fuzzer: an operation documenting only 403 drafted tables/status.yaml with no rows, which the loader rejects (CT0114).
        // No table is written; the pack then has none, which the loader reports once at its api.yaml (it would add no
        // case in a run, silently), so the import exits 1 with that line.
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportInlineAsync(folder, "rowless", """
            {"openapi":"3.1.0","info":{"title":"rowless","version":"1"},"paths":{"/things":{"get":{"operationId":"getThings","responses":{"403":{"description":"forbidden"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1), output + errors);
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.EqualTo(new[]
            {
                "rowless/api.yaml(1,1): error CT0114: Pack 'rowless' has no status table, rowless/tables/ holds no *.yaml or *.yml file, so none of its operations is probed and the pack would add no case. Fix: Add rows in tables/<name>.yaml (docs/pack-format.md), or delete the pack folder.",
            }));
            Assert.That(File.Exists(Path.Combine(folder.Path, "rowless", "tables", "status.yaml")), Is.False);
            Assert.That(output, Does.Contain("Drafted pack 'rowless' in " + Path.Combine(folder.Path, "rowless") + ": 1 operation(s), 0 row(s), 0 schema file(s), 1 file(s) written.\n"));
            Assert.That(output, Does.Contain("note: no documented status of any operation is one a built-in scenario provokes, so no status table was written (a table needs a row): add tables/status.yaml with custom rows (docs/pack-format.md)\n"));
        });
    }

    [Test]
    public async Task Import_ComponentOnlyAReferenceCycle_CT0401NotACrash()
    {
        // Fuzzer: a component that is only a reference to itself (or to one that refers back) threw
        // InvalidOperationException ("Circular reference detected") out of the importer, a stack trace and exit code 134.
        using var folder = new ImportFolder();
        var (code, output, errors, _, _) = await ImportInlineAsync(folder, "cycle", """
            {"openapi":"3.1.0","info":{"title":"cycle","version":"1"},"paths":{"/things":{"get":{"operationId":"getThings","responses":{"200":{"description":"ok",
              "content":{"application/json":{"schema":{"$ref":"#/components/schemas/C"}}}}}}}},
             "components":{"schemas":{"A":{"$ref":"#/components/schemas/B"},"B":{"$ref":"#/components/schemas/A"},"C":{"$ref":"#/components/schemas/C"}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2), output + errors);
            Assert.That(errors, Does.Not.Contain("   at "));
            Assert.That(errors.Split('\n').Where(l => l.Contains("CT0401", StringComparison.Ordinal)).Select(l => l[(l.IndexOf("CT0401", StringComparison.Ordinal) + 8)..]), Is.EqualTo(new[]
            {
                "Component schema 'A' is only a reference that comes back to itself (A -> B -> A), so it names no schema at #/components/schemas/A, a pack is drafted only from a readable OpenAPI 3.x document with operations. Fix: Give an OpenAPI 3.0 or 3.1 document (JSON or YAML) and correct it where the message points.",
                "Component schema 'B' is only a reference that comes back to itself (B -> A -> B), so it names no schema at #/components/schemas/B, a pack is drafted only from a readable OpenAPI 3.x document with operations. Fix: Give an OpenAPI 3.0 or 3.1 document (JSON or YAML) and correct it where the message points.",
                "Component schema 'C' is only a reference that comes back to itself (C -> C), so it names no schema at #/components/schemas/C, a pack is drafted only from a readable OpenAPI 3.x document with operations. Fix: Give an OpenAPI 3.0 or 3.1 document (JSON or YAML) and correct it where the message points.",
            }));
        });
    }

    [Test]
    public async Task Import_ParameterSampleNullOrWrongTyped_JudgedAsTheTextSent()
    {
        // Fuzzer: a parameter cannot carry null, yet a nullable integer with default null drafted the text "sample" with no
        // note (the null was judged, not the text); a string parameter with default 1.5 sent the valid text "1.5" but got a
        // note that 1.5 is not a string (43 of 286 fuzzed documents had one or the other).
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportInlineAsync(folder, "params", """
            {"openapi":"3.1.0","info":{"title":"params","version":"1"},"paths":{"/things":{"get":{"operationId":"getThings",
              "parameters":[
                {"name":"n","in":"query","required":true,"schema":{"type":["integer","null"],"default":null}},
                {"name":"e","in":"query","required":true,"schema":{"type":["string","null"],"enum":[null,"x"]}},
                {"name":"s","in":"query","required":true,"schema":{"type":"string","default":1.5}},
                {"name":"b","in":"header","required":true,"schema":{"type":["boolean","null"],"enum":[null]}}],
              "responses":{"200":{"description":"ok"}}}}}}
            """);

        var op = loaded.Pack!.Operations["get_things"];
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(op.Query, Is.EqualTo(new KeyValuePair<string, string>[] { new("n", "1"), new("e", "x"), new("s", "1.5") }));
            Assert.That(op.Headers["b"], Is.EqualTo("true"));
            Assert.That(output.Split('\n').Where(l => l.StartsWith("note: the sample", StringComparison.Ordinal)), Is.EqualTo(new[]
            {
                "note: the sample of header parameter 'b' of get_things does not meet its schema (true is not one of [null]), and the importer could not draft a value that does: true was drafted, write a valid value there by hand",
            }));
        });
    }

    [Test]
    public async Task Import_InclusiveAndExclusiveBoundTogether_BothMet()
    {
        // Fuzzer: OpenAPI 3.1 (JSON Schema 2020-12) allows minimum and exclusiveMinimum together; the reader kept only the
        // exclusive one, so minimum 7.5 with exclusiveMinimum -5 drafted -4.5 with no note, and the response schema file
        // accepted it (14 of 124 fuzzed documents).
        const string schema = """
            {"type":"object","required":["a","b","c","d"],"properties":{
              "a":{"type":"number","minimum":7.5,"exclusiveMinimum":-5},
              "b":{"type":"integer","maximum":-8,"exclusiveMaximum":5},
              "c":{"type":"number","minimum":-5,"exclusiveMinimum":7.5},
              "d":{"type":"integer","minimum":3,"exclusiveMinimum":3}}}
            """;
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportInlineAsync(folder, "bounds", """
            {"openapi":"3.1.0","info":{"title":"bounds","version":"1"},"paths":{"/things":{"post":{"operationId":"createThing",
              "requestBody":{"content":{"application/json":{"schema":
            """ + schema + """
            }}},"responses":{"201":{"description":"ok","content":{"application/json":{"schema":
            """ + schema + "}}}}}}}}");

        var file = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Path, "bounds", "schemas", "create_thing-201.schema.json")))!["properties"]!;
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Pack!.Operations["create_thing"].Body!.ToJsonString(), Is.EqualTo("""{"a":7.5,"b":-8,"c":8,"d":4}""")); // 7.5 + 0.5, printed plainly (was 8.0)
            Assert.That(output, Does.Not.Contain("note: the request body"));
            Assert.That(new[] { file["a"]!.ToJsonString(), file["b"]!.ToJsonString(), file["c"]!.ToJsonString(), file["d"]!.ToJsonString() }, Is.EqualTo(new[]
            {
                """{"minimum":7.5,"type":"number"}""", """{"maximum":-8,"type":"integer"}""", """{"exclusiveMinimum":7.5,"type":"number"}""", """{"exclusiveMinimum":3,"type":"integer"}""",
            }));
        });
    }

    [Test]
    public async Task Import_ConstOfANumberBeyondDecimal_WrittenAsThatNumber()
    {
        // Fuzzer: const 1e300 of a number type (beyond decimal's range) stayed the reader's text: the request sample was the
        // string "1e300" (with a note) and the response schema file's "const": "1e300" rejected every number.
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportInlineAsync(folder, "huge", """
            {"openapi":"3.1.0","info":{"title":"huge","version":"1"},"paths":{"/things":{"post":{"operationId":"createThing",
              "requestBody":{"content":{"application/json":{"schema":{"type":"object","required":["z"],"properties":{"z":{"type":"number","const":1e300}}}}}},
              "responses":{"201":{"description":"ok","content":{"application/json":{"schema":{"type":"object","properties":{"z":{"type":"number","const":-1e300}}}}}}}}}}}
            """);

        var file = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Path, "huge", "schemas", "create_thing-201.schema.json")))!["properties"]!;
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Pack!.Operations["create_thing"].Body!.ToJsonString(), Is.EqualTo("""{"z":1e300}"""));
            Assert.That(output, Does.Not.Contain("note: the request body"));
            Assert.That(file["z"]!["const"]!.ToJsonString(), Is.EqualTo("-1e300"));
        });
    }

    [Test]
    public async Task Import_PatternOfABranchTheSampleNeedNotMeet_NoNote()
    {
        // Fuzzer: a oneOf/anyOf's first branch has a pattern no text meets with its format (or one outside the subset); the
        // drafted text is valid by another branch, yet a note said it must match the first branch's pattern.
        const string schema = """
            {"type":"object","required":["ip","code","pin"],"properties":{
              "ip":{"oneOf":[{"type":"string","format":"ipv4","pattern":"^$"},{"type":"string"}]},
              "code":{"anyOf":[{"type":"string","pattern":"^(?=x)y$"},{"type":"string"}]},
              "pin":{"type":"string","pattern":"^(?=.*\\d)[a-z\\d]{4}$"}}}
            """;
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportSamplesRunTests.ImportBodyAsync(folder, "branches", schema);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Pack!.Operations["create_thing"].Body!.ToJsonString(), Is.EqualTo("""{"ip":"","code":"sample","pin":"sample"}"""));
            Assert.That(output.Split('\n').Where(l => l.StartsWith("note: the request body", StringComparison.Ordinal)), Is.EqualTo(new[]
            {
                "note: the request body sample of create_thing at /pin must match pattern '^(?=.*\\d)[a-z\\d]{4}$' (within its minLength and maxLength), and the importer could not generate such a text: \"sample\" was drafted, write a matching value there by hand",
            }), "only the pattern the sample must meet");
        });
    }

    [Test]
    public async Task Import_OnlyDefaultResponses_CT0401NothingWritten()
    {
        // Fuzzer: a document whose operations document only a default response drafted an api.yaml without statuses,
        // which the loader rejects (CT0106, exit 1), however the pack is completed by hand (7 of 97 fuzzed documents).
        using var folder = new ImportFolder();
        var (code, output, errors, _, _) = await ImportInlineAsync(folder, "nostatus", """
            {"openapi":"3.1.0","info":{"title":"nostatus","version":"1"},"paths":{"/things":{"get":{"operationId":"getThings","responses":{"default":{"description":"any"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2), output + errors);
            Assert.That(Directory.Exists(Path.Combine(folder.Path, "nostatus")), Is.False);
            Assert.That(errors, Does.Contain("error CT0401: the document's operations document no response status code (only default), and a pack's statuses list at least one at #/paths, a pack is drafted only from a readable OpenAPI 3.x document with operations. Fix: Give an OpenAPI 3.0 or 3.1 document (JSON or YAML) and correct it where the message points.\n"));
        });
    }
}
