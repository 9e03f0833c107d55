using System.Text.Json.Nodes;

namespace Conformance.Schema.Tests;

/// <summary>
/// Error texts of the behaviour the suite's optional files ask for (draft-07 <c>dependencies</c> in 2019-09/2020-12,
/// draft-07 content assertions, ECMA-262 whitespace and code-point patterns), pinned exactly.
/// </summary>
[TestFixture]
public sealed class OptionalBehaviourMessageTests
{
    private const string Draft2020 = "\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", ";
    private const string Draft7 = "\"$schema\": \"http://json-schema.org/draft-07/schema#\", ";

    private static List<string> Errors(string schema, string instance)
    {
        var loaded = JsonSchema.Parse(schema);
        Assert.That(loaded.Diagnostics, Is.Empty);
        return loaded.Schema!.Validate(JsonNode.Parse(instance)).Errors.Select(e => e.ToString()).ToList();
    }

    [Test]
    public void Validate_Draft2020DependenciesArrayForm_PinsDependentRequiredMessage()
    {
        var errors = Errors("{" + Draft2020 + "\"dependencies\": {\"quux\": [\"foo\", \"bar\"]}}", """{"quux": 1}""");

        Assert.That(errors, Is.EqualTo(new[]
        {
            ": property \"foo\" is required when \"quux\" is present",
            ": property \"bar\" is required when \"quux\" is present",
        }));
    }

    [Test]
    public void Validate_Draft2020DependenciesSchemaForm_PinsErrorAndKeywordLocation()
    {
        var loaded = JsonSchema.Parse("{" + Draft2020 + "\"dependencies\": {\"bar\": {\"properties\": {\"foo\": {\"type\": \"integer\"}}}}}");
        var error = loaded.Schema!.Validate(JsonNode.Parse("""{"foo": "quux", "bar": 2}""")).Errors.Single();

        Assert.That(error.ToString(), Is.EqualTo("/foo: expected type \"integer\" but got string \"quux\""));
        Assert.That(error.KeywordLocation, Is.EqualTo("/dependencies/bar/properties/foo/type"));
    }

    [Test]
    public void Validate_Draft2019DependenciesFalseSchema_PinsFalseSchemaMessage()
    {
        var schema = "{\"$schema\": \"https://json-schema.org/draft/2019-09/schema\", \"dependencies\": {\"bar\": false}}";

        Assert.That(Errors(schema, """{"bar": 2}"""), Is.EqualTo(new[] { ": no value is allowed here (schema is false)" }));
        Assert.That(Errors(schema, """{"foo": 2}"""), Is.Empty);
    }

    [Test]
    public void Validate_Draft7InvalidBase64_PinsWhatWasExpectedAndTheBadCharacter()
    {
        var errors = Errors("{" + Draft7 + "\"contentEncoding\": \"base64\"}", "\"eyJmb28iOi%iYmFyIn0K\"");

        Assert.That(errors, Is.EqualTo(new[]
        {
            ": expected base64 text (contentEncoding \"base64\") but got \"eyJmb28iOi%iYmFyIn0K\": \"%\" at index 10 is not a base64 character (A-Z, a-z, 0-9, +, / and = padding)",
        }));
    }

    [Test]
    public void Validate_Draft7Base64WrongLength_PinsGroupsOfFour()
    {
        var errors = Errors("{" + Draft7 + "\"contentEncoding\": \"base64\"}", "\"e30\"");

        Assert.That(errors, Is.EqualTo(new[] { ": expected base64 text (contentEncoding \"base64\") but got \"e30\": its 3 characters do not make whole groups of 4 with = padding only at the end" }));
    }

    [Test]
    public void Validate_Draft7InvalidJsonDocument_PinsParseProblem()
    {
        var errors = Errors("{" + Draft7 + "\"contentMediaType\": \"application/json\"}", "\"{:}\"");

        Assert.That(errors, Is.EqualTo(new[]
        {
            ": expected a JSON document (contentMediaType \"application/json\") but got \"{:}\", which does not parse at line 1, byte 2: ':' is an invalid start of a property name. Expected a '\"'.",
        }));
    }

    [Test]
    public void Validate_Draft7Base64EncodedInvalidJson_ShowsDecodedText()
    {
        var schema = "{" + Draft7 + "\"contentMediaType\": \"application/json\", \"contentEncoding\": \"base64\"}";

        Assert.That(Errors(schema, "\"ezp9Cg==\""), Is.EqualTo(new[]
        {
            ": expected base64-encoded JSON (contentMediaType \"application/json\", contentEncoding \"base64\") but \"ezp9Cg==\" decodes to \"{:}\\n\", which does not parse at line 1, byte 2: ':' is an invalid start of a property name. Expected a '\"'.",
        }));
        Assert.That(Errors(schema, "\"{}\""), Has.Count.EqualTo(1).And.One.StartsWith(": expected base64 text"));
        Assert.That(Errors(schema, "\"eyJmb28iOiAiYmFyIn0K\""), Is.Empty);
    }

    [TestCase("https://json-schema.org/draft/2020-12/schema")]
    [TestCase("https://json-schema.org/draft/2019-09/schema")]
    public void Validate_LaterDialectContent_StaysAnAnnotation(string dialect)
    {
        var schema = "{\"$schema\": \"" + dialect + "\", \"contentMediaType\": \"application/json\", \"contentEncoding\": \"base64\"}";

        Assert.That(Errors(schema, "\"{:}\""), Is.Empty);
    }

    [Test]
    public void Validate_Draft7OtherEncoding_DoesNotParseTheRawTextAsJson()
    {
        var schema = "{" + Draft7 + "\"contentMediaType\": \"application/json\", \"contentEncoding\": \"quoted-printable\"}";

        Assert.That(Errors(schema, "\"{:}\""), Is.Empty);
    }
}
