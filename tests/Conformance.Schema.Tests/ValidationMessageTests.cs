using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Schema.Tests;

/// <summary>Validation error texts and locations, pinned exactly.</summary>
[TestFixture]
public sealed class ValidationMessageTests
{
    private const string ErrorBodySchema = """
        {
          "type": "object",
          "required": ["errorCode", "message"],
          "additionalProperties": false,
          "properties": {
            "errorCode": { "$ref": "#/$defs/code" },
            "message": { "type": "string", "minLength": 1 },
            "status": { "type": "integer", "maximum": 599 },
            "severity": { "enum": ["error", "warning"] },
            "errors": { "type": "array", "items": { "$ref": "#/$defs/error" } }
          },
          "$defs": {
            "code": { "type": "string", "pattern": "^[A-Z]{3}-\\d{3}$" },
            "error": { "type": "object", "required": ["errorCode"], "properties": { "errorCode": { "$ref": "#/$defs/code" } } }
          }
        }
        """;

    private static JsonSchema Compile(string json)
    {
        var loaded = JsonSchema.Parse(json);
        Assert.That(loaded.Diagnostics, Is.Empty);
        return loaded.Schema!;
    }

    private static List<string> Errors(string schema, string instance) =>
        Compile(schema).Validate(JsonNode.Parse(instance)).Errors.Select(e => e.ToString()).ToList();

    [Test]
    public void Validate_NestedPatternMismatch_PinsMessageAndLocations()
    {
        var result = Compile(ErrorBodySchema).Validate(JsonNode.Parse("""{"errorCode":"CMN-101","message":"m","errors":[{"errorCode":"CMN9"}]}"""));

        var error = result.Errors.Single();
        Assert.That(error.ToString(), Is.EqualTo("/errors/0/errorCode: \"CMN9\" does not match pattern \"^[A-Z]{3}-\\d{3}$\""));
        Assert.That(error.KeywordLocation, Is.EqualTo("/properties/errors/items/$ref/properties/errorCode/$ref/pattern"));
        Assert.That(error.AbsoluteKeywordLocation, Is.EqualTo("https://conformance.invalid/schema.json#/$defs/code/pattern"));
        Assert.That(error.Keyword, Is.EqualTo("pattern"));
    }

    [Test]
    public void Validate_SeveralFailures_ReportsAllWithPinnedTexts()
    {
        var errors = Errors(ErrorBodySchema, """{"errorCode":5,"message":"","status":600,"severity":"fatal","extra":true}""");

        Assert.That(errors, Is.EqualTo(new[]
        {
            ": additional property \"extra\" is not allowed",
            "/errorCode: expected type \"string\" but got number 5",
            "/message: \"\" is shorter than the minimum length 1 (0 characters)",
            "/status: 600 is greater than the maximum 599",
            "/severity: \"fatal\" is not one of [\"error\",\"warning\"]",
        }));
    }

    [Test]
    public void Validate_MissingRequired_NamesTheProperty()
    {
        Assert.That(Errors(ErrorBodySchema, """{"errorCode":"CMN-101"}"""), Is.EqualTo(new[] { ": required property \"message\" is missing" }));
    }

    [Test]
    public void Validate_LongValue_IsTruncatedInMessage()
    {
        var errors = Errors("""{"type": "integer"}""", "\"" + new string('x', 100) + "\"");

        Assert.That(errors.Single(), Is.EqualTo(": expected type \"integer\" but got string \"" + new string('x', 56) + "..."));
    }

    [Test]
    public void Validate_AnyOfFailure_ReportsApplicatorAndBranches()
    {
        var errors = Errors("""{"anyOf": [{"type": "string"}, {"minimum": 10}]}""", "3");

        Assert.That(errors, Is.EqualTo(new[]
        {
            ": value does not match any of the 2 schemas in \"anyOf\"",
            ": expected type \"string\" but got number 3",
            ": 3 is less than the minimum 10",
        }));
    }

    [Test]
    public void Validate_CodePoints_CountAstralCharactersOnce()
    {
        var schema = Compile("""{"maxLength": 2}""");

        Assert.That(schema.Validate(JsonDocument.Parse("\"\\ud83d\\ude00\\ud83d\\ude00\"").RootElement).IsValid, Is.True);
        Assert.That(schema.Validate(JsonNode.Parse("\"😀😀😀\"")).IsValid, Is.False);
    }

    [Test]
    public void Validate_UniqueItems_TreatsOneAndOnePointZeroAsEqual()
    {
        Assert.That(Errors("""{"uniqueItems": true}""", "[1, 2, 1.0]"), Is.EqualTo(new[] { ": array items 0 and 2 are equal (1.0) but uniqueItems is true" }));
    }

    [Test]
    public void Validate_FormatAnnotationByDefault_AssertionWhenEnabled()
    {
        const string schema = """{"format": "date-time"}""";
        var annotation = JsonSchema.Parse(schema).Schema!;
        var assertion = JsonSchema.Parse(schema, options: new SchemaOptions { FormatAssertion = true }).Schema!;

        Assert.That(annotation.Validate(JsonNode.Parse("\"yesterday\"")).IsValid, Is.True);
        Assert.That(assertion.Validate(JsonNode.Parse("\"yesterday\"")).Errors.Single().ToString(), Is.EqualTo(": \"yesterday\" is not a valid \"date-time\""));
        Assert.That(assertion.Validate(JsonNode.Parse("\"2024-02-29T10:00:00Z\"")).IsValid, Is.True);
    }
}
