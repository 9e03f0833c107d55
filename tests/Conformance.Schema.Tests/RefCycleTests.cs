using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Schema.Tests;

/// <summary>
/// CT0211: a cycle of references that never moves into the instance is the schema's mistake, reported at load at the
/// reference that closes it; recursion through a property or an item (a tree) stays a valid schema.
/// </summary>
[TestFixture]
public sealed class RefCycleTests
{
    private const string Draft201909 = "\"$schema\": \"https://json-schema.org/draft/2019-09/schema\", ";
    private const string Draft7 = "\"$schema\": \"http://json-schema.org/draft-07/schema#\", ";

    private string folder = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "conformance-cycle-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, true);

    [Test]
    public void Parse_TwoDefsReferringToEachOther_RendersPinnedTextAtTheClosingRef()
    {
        const string json = "{\n  \"$ref\": \"#/$defs/a\",\n  \"$defs\": {\n    \"a\": { \"$ref\": \"#/$defs/b\" },\n    \"b\": { \"$ref\": \"#/$defs/a\" }\n  }\n}";

        var result = JsonSchema.Parse(json, "schemas/body.schema.json");

        Assert.That(result.Schema, Is.Null);
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "schemas/body.schema.json(5,20): error CT0211: \"$ref\" closes a cycle of schemas that never moves into the instance: #/$defs/a -> #/$defs/b -> #/$defs/a, " +
            "every value that reaches it would be checked against these schemas again and again without ever stepping into a property or an item, so validation could not end. " +
            "Fix: point a reference on the cycle elsewhere, or put the recursion under a keyword that moves into the instance (properties, items, additionalProperties...)",
        }));
    }

    [TestCase("""{"$defs": {"a": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}""", "#/$defs/a -> #/$defs/a")]
    [TestCase("""{"$ref": "#"}""", "# -> #")]
    [TestCase("""{"allOf": [{"type": "object"}, {"$ref": "#"}]}""", "# -> #/allOf/1 -> #")]
    [TestCase("""{"anyOf": [{"type": "string"}, {"$ref": "#"}]}""", "# -> #/anyOf/1 -> #")]
    [TestCase("""{"oneOf": [{"$ref": "#/$defs/a"}], "$defs": {"a": {"$ref": "#"}}}""", "# -> #/oneOf/0 -> #/$defs/a -> #")]
    [TestCase("""{"not": {"$ref": "#"}}""", "# -> #/not -> #")]
    [TestCase("""{"if": {"$ref": "#"}}""", "# -> #/if -> #")]
    [TestCase("""{"if": {"type": "string"}, "then": {"$ref": "#"}}""", "# -> #/then -> #")]
    [TestCase("""{"if": {"type": "string"}, "else": {"$ref": "#"}}""", "# -> #/else -> #")]
    [TestCase("""{"dependentSchemas": {"id": {"$ref": "#"}}}""", "# -> #/dependentSchemas/id -> #")]
    [TestCase("{" + Draft7 + "\"dependencies\": {\"id\": {\"$ref\": \"#/definitions/a\"}}, \"definitions\": {\"a\": {\"allOf\": [{\"$ref\": \"#\"}]}}}", "# -> #/dependencies/id -> #/definitions/a -> #/definitions/a/allOf/0 -> #")]
    [TestCase("""{"$dynamicAnchor": "node", "anyOf": [{"type": "null"}, {"$dynamicRef": "#node"}]}""", "# -> #/anyOf/1 -> #")]
    [TestCase("{" + Draft201909 + "\"$recursiveAnchor\": true, \"allOf\": [{\"$recursiveRef\": \"#\"}]}", "# -> #/allOf/0 -> #")]
    [TestCase("""{"$ref": "#/$defs/a/allOf/0", "$defs": {"a": {"allOf": [{"$ref": "#/$defs/a"}]}}}""", "#/$defs/a -> #/$defs/a/allOf/0 -> #/$defs/a")]
    public void Parse_CycleThatConsumesNoInput_ReportsCT0211WithItsPath(string json, string path)
    {
        var result = JsonSchema.Parse(json, "s.json");

        Assert.That(result.Schema, Is.Null);
        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "CT0211" }));
        Assert.That(result.Diagnostics.Single().What, Does.EndWith(": " + path));
    }

    [TestCase("""{"properties": {"children": {"items": {"$ref": "#"}}}}""", """{"children": [{"children": []}]}""")]
    [TestCase("""{"type": ["object", "array"], "additionalProperties": {"$ref": "#"}, "prefixItems": [{"$ref": "#"}]}""", """{"a": [{}]}""")]
    [TestCase("""{"patternProperties": {"^x": {"$ref": "#"}}, "propertyNames": {"$ref": "#"}, "contains": {"$ref": "#"}}""", """{"xa": {}}""")]
    [TestCase("""{"allOf": [{"$ref": "#/$defs/node"}], "$defs": {"node": {"unevaluatedProperties": {"$ref": "#"}, "unevaluatedItems": {"$ref": "#"}}}}""", """{"a": [1]}""")]
    [TestCase("""{"$dynamicAnchor": "node", "properties": {"next": {"$dynamicRef": "#node"}}}""", """{"next": {"next": {}}}""")]
    [TestCase("{" + Draft7 + "\"items\": [{\"$ref\": \"#\"}], \"additionalItems\": {\"$ref\": \"#\"}, \"dependencies\": {\"a\": [\"b\"]}}", "[[1], 2]")]
    public void Parse_RecursionThroughAChildLocation_LoadsAndValidates(string json, string instance)
    {
        var result = JsonSchema.Parse(json, "s.json");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Schema!.Validate(JsonNode.Parse(instance)).IsValid, Is.True);
    }

    [Test]
    public void LoadFile_CycleAcrossTwoFiles_ReportedWhereItClosesWithTheOtherFileNamed()
    {
        File.WriteAllText(Path.Combine(folder, "a.schema.json"), """{"$ref": "b.schema.json#/$defs/x"}""");
        File.WriteAllText(Path.Combine(folder, "b.schema.json"), """{"$defs": {"x": {"allOf": [{"$ref": "a.schema.json"}]}}}""");

        var result = JsonSchema.LoadFile(Path.Combine(folder, "a.schema.json"));

        Assert.That(result.Schema, Is.Null);
        var diagnostic = result.Diagnostics.Single();
        Assert.That((diagnostic.Code, Path.GetFileName(diagnostic.Path), diagnostic.Line, diagnostic.Column), Is.EqualTo(("CT0211", "a.schema.json", 1, 10)));
        Assert.That(diagnostic.What, Does.EndWith(": b.schema.json#/$defs/x -> b.schema.json#/$defs/x/allOf/0 -> # -> b.schema.json#/$defs/x"));
    }

    [Test]
    public void ParseAll_CycleInOneFile_OnlyTheFilesReachingItAreBroken()
    {
        File.WriteAllText(Path.Combine(folder, "a.schema.json"), """{"properties": {"b": {"$ref": "b.schema.json"}}}""");
        File.WriteAllText(Path.Combine(folder, "b.schema.json"), """{"not": {"$ref": "#"}}""");
        File.WriteAllText(Path.Combine(folder, "c.schema.json"), """{"properties": {"c": {"$ref": "#"}}}""");
        var files = new[] { "a", "b", "c" }.Select(n => Path.Combine(folder, n + ".schema.json")).ToList();
        var registry = new SchemaRegistry();
        registry.AddDirectory(folder);

        var results = JsonSchema.ParseAll([.. files.Select(f => (File.ReadAllText(f), f, new Uri(f)))], registry);

        Assert.That(results.Select(r => string.Join(" ", r.Diagnostics.Select(d => Path.GetFileName(d.Path) + " " + d.Code))),
            Is.EqualTo(new[] { "b.schema.json CT0211", "b.schema.json CT0211", string.Empty }));
    }

    [Test]
    public void Validate_LoopOnlyTheDynamicScopeCloses_DepthErrorBlamesTheSchemaWithAShortPath()
    {
        // Two resources declare "$dynamicAnchor": "n", so which one "$dynamicRef" reaches depends on the dynamic scope:
        // not a certain cycle at load, and the run-time guard still catches the loop.
        const string json = """
            {"$id": "https://example.com/root", "$dynamicAnchor": "n", "$ref": "base",
             "$defs": {"base": {"$id": "base", "$dynamicAnchor": "n", "allOf": [{"$dynamicRef": "#n"}]}}}
            """;
        var loaded = JsonSchema.Parse(json);

        var result = loaded.Schema!.Validate(JsonNode.Parse("""{"a": 1}"""));

        Assert.That(loaded.Diagnostics, Is.Empty);
        var error = result.Errors.Single();
        Assert.That(error.Message, Is.EqualTo(
            "the schema applied 512 subschemas one inside another to this one value without stepping into a property or an item (MaxDepth 512): " +
            "a reference loop that consumes no input, a fault of the schema, not of the instance (it passes https://example.com/base#/allOf/0)"));
        Assert.That(error.KeywordLocation, Is.EqualTo("/$ref/allOf/0/$dynamicRef/$ref/allOf/0/$dynamicRef/…"));
    }

    [Test]
    public void Validate_InstanceNestedTooDeeply_DepthErrorBlamesTheInstanceWithAShortPath()
    {
        var schema = JsonSchema.Parse("""{"items": {"$ref": "#"}}""").Schema!;
        using var instance = JsonDocument.Parse(new string('[', 600) + new string(']', 600), new JsonDocumentOptions { MaxDepth = 601 });

        var error = schema.Validate(instance.RootElement).Errors.Single();

        Assert.That(error.Message, Is.EqualTo("evaluation exceeded the maximum depth of 512: the instance nests too deeply (256 levels at this point)"));
        Assert.That(error.KeywordLocation, Is.EqualTo("/items/$ref/items/$ref/items/$ref/…"));
    }
}
