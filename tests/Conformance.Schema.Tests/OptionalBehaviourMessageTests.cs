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
    public void Validate_Draft2019DependenciesFalseSchema_Fails()
    {
        var schema = "{\"$schema\": \"https://json-schema.org/draft/2019-09/schema\", \"dependencies\": {\"bar\": false}}";

        Assert.That(Errors(schema, """{"bar": 2}"""), Has.Count.EqualTo(1));
        Assert.That(Errors(schema, """{"foo": 2}"""), Is.Empty);
    }
}
