using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Schema.Tests;

/// <summary>Hostile schemas and instances end in errors, never in a crashed process.</summary>
[TestFixture]
public sealed class HostileInputTests
{
    private static string Nested(int depth) => new StringBuilder().Append('[', depth).Append(']', depth).ToString();

    [Test]
    public void Validate_TenThousandLevelInstance_ReportsDepthError()
    {
        var schema = JsonSchema.Parse("""{"items": {"$ref": "#"}}""").Schema!;
        using var instance = JsonDocument.Parse(Nested(10_000), new JsonDocumentOptions { MaxDepth = 10_001 });

        var result = schema.Validate(instance.RootElement);

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Errors.Single().Message, Does.StartWith("evaluation exceeded the maximum depth of 512"));
    }

    [TestCase(64)]
    [TestCase(65)]
    [TestCase(1_000)]
    public void Parse_SchemaThatIsADeepArray_MetaschemaDiagnosticNotAnException(int depth)
    {
        var loaded = JsonSchema.Parse(Nested(depth));

        Assert.That(loaded.Succeeded, Is.False);
        Assert.That(loaded.Diagnostics.Select(d => d.Code), Has.Some.StartsWith("CT02"));
        Assert.That(loaded.Diagnostics[0].ToString(), Does.Contain("[[[[[["));
    }

    [Test]
    public void Validate_InstanceDeeperThanTheSerializerAllows_ShownInTheError()
    {
        var schema = JsonSchema.Parse("""{"type": "string"}""").Schema!;
        using var instance = JsonDocument.Parse(Nested(65), new JsonDocumentOptions { MaxDepth = 66 });

        var result = schema.Validate(instance.RootElement);

        Assert.That(result.Errors.Single().Message, Is.EqualTo("expected type \"string\" but got array [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[..."));
    }

    [Test]
    public void Validate_TenThousandLevelJsonNode_ReportsError()
    {
        var schema = JsonSchema.Parse("{}").Schema!;
        var node = JsonNode.Parse(Nested(10_000), documentOptions: new JsonDocumentOptions { MaxDepth = 10_001 });

        var result = schema.Validate(node);

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Errors.Single().Message, Does.StartWith("the instance cannot be read"));
    }

    [Test]
    public void Parse_RefLoopWithoutConsumingInput_IsALoadDiagnosticNotADepthError()
    {
        var loaded = JsonSchema.Parse("""{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}""");

        Assert.That(loaded.Schema, Is.Null);
        Assert.That(loaded.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { SchemaErrorCodes.RefCycle }));
    }

    [Test]
    public void Validate_CatastrophicPattern_TimesOutIntoValidationError()
    {
        var options = new SchemaOptions { RegexTimeout = TimeSpan.FromMilliseconds(50) };
        var schema = JsonSchema.Parse("""{"pattern": "^(a+)+$"}""", options: options).Schema!;

        var result = schema.Validate(JsonNode.Parse("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\""));

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Errors.Single().ToString(), Is.EqualTo(": pattern \"^(a+)+$\" timed out after 50 ms on \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\""));
    }

    [Test]
    public void Validate_CatastrophicPatternWithLinearPatterns_DoesNotMatchNoTimeout()
    {
        // The non-backtracking engine reads the text in linear time: the same near miss is an answer, not a timeout.
        var options = new SchemaOptions { RegexTimeout = TimeSpan.FromMilliseconds(1), LinearPatterns = true };
        var schema = JsonSchema.Parse("""{"pattern": "^(a+)+$"}""", options: options).Schema!;

        var result = schema.Validate(JsonNode.Parse("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\""));

        Assert.That(result.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { ": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\" does not match pattern \"^(a+)+$\"" }));
    }

    [Test]
    public void Validate_LookaheadPatternWithLinearPatterns_MatchedByTheBacktrackingEngine()
    {
        // A lookahead is not taken by the non-backtracking engine: the pattern is compiled as without LinearPatterns.
        var schema = JsonSchema.Parse("""{"pattern": "^(?=.*\\d)[a-z\\d]{4}$"}""", options: new SchemaOptions { LinearPatterns = true }).Schema!;

        Assert.Multiple(() =>
        {
            Assert.That(schema.Validate(JsonNode.Parse("\"ab12\"")).IsValid, Is.True);
            Assert.That(schema.Validate(JsonNode.Parse("\"abcd\"")).IsValid, Is.False);
        });
    }

    [Test]
    public void Parse_DeeplyNestedSchema_ReportsDiagnosticInsteadOfCrashing()
    {
        var json = new StringBuilder().Insert(0, "{\"not\":", 2000).Append("{}").Append('}', 2000).ToString();

        var result = JsonSchema.Parse(json, "deep.json");

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain(SchemaErrorCodes.TooDeep));
    }

    [Test]
    public void Validate_OneCompiledSchemaFromManyThreads_GivesSameResults()
    {
        var schema = JsonSchema.Parse("""
            {"type": "object", "required": ["id"], "properties": {"id": {"type": "string", "pattern": "^[a-z]+$"}, "tags": {"type": "array", "items": {"$ref": "#/$defs/tag"}}},
             "$defs": {"tag": {"type": "string", "maxLength": 5}}, "unevaluatedProperties": false}
            """).Schema!;
        using var valid = JsonDocument.Parse("""{"id": "abc", "tags": ["a", "b"]}""");
        using var invalid = JsonDocument.Parse("""{"id": "ABC", "tags": ["toolong"], "x": 1}""");
        var failures = 0;

        Parallel.For(0, 20_000, i =>
        {
            var ok = schema.Validate(valid.RootElement).IsValid && schema.Validate(invalid.RootElement).Errors.Count == 3;
            if (!ok)
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.That(failures, Is.Zero);
    }
}
