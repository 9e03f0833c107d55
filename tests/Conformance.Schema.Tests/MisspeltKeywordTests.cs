namespace Conformance.Schema.Tests;

/// <summary>
/// <see cref="SchemaOptions.MisspeltKeywords"/>: an unknown keyword close to a real one is CT0204 only when its value is
/// of the kind that keyword takes; annotations of the author's own and OpenAPI's Schema Object fields still load.
/// </summary>
[TestFixture]
public sealed class MisspeltKeywordTests
{
    private static readonly SchemaOptions Options = new() { MisspeltKeywords = true };

    [TestCase("\"requried\": [\"id\"]", "required")]
    [TestCase("\"maxlength\": 20", "maxLength")]
    [TestCase("\"readonly\": true", "readOnly")]
    [TestCase("\"propertys\": { \"id\": {} }", "properties")]
    [TestCase("\"nott\": { \"type\": \"string\" }", "not")]
    [TestCase("\"exclusivemaximum\": 5", "exclusiveMaximum")]
    public void Parse_MisspeltKeywordWithItsKindOfValue_ReportsCT0204(string member, string meant)
    {
        var result = JsonSchema.Parse("{ " + member + " }", "s.json", Options);

        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "CT0204" }));
        Assert.That(result.Diagnostics.Single().ToString(), Does.Contain($"did you mean \"{meant}\"?"));
    }

    [TestCase("\"note\": \"kept for the support team\"")] // close to not, but not is a schema
    [TestCase("\"example\": { \"id\": \"1\" }")] // OpenAPI's example, close to examples
    [TestCase("\"example\": [\"a\", \"b\"]")] // even as an array: an OpenAPI field
    [TestCase("\"nullable\": true")]
    [TestCase("\"discriminator\": { \"propertyName\": \"kind\" }")]
    [TestCase("\"x-requried\": [\"id\"]")]
    [TestCase("\"titel\": 3")] // close to title, but title is text
    [TestCase("\"maxlength\": \"20 characters\"")] // close to maxLength, but maxLength is a number
    public void Parse_AnnotationCloseToAKeyword_Loads(string member)
    {
        var result = JsonSchema.Parse("{ " + member + " }", "s.json", Options);

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public void Parse_MisspeltKeyword_RendersPinnedText()
    {
        var result = JsonSchema.Parse("{\n  \"type\": \"object\",\n  \"requried\": [\"id\"]\n}", "s.json", Options);

        Assert.That(result.Diagnostics.Single().ToString(), Is.EqualTo(
            "s.json(3,3): error CT0204: unknown keyword \"requried\", it is not a keyword of 2020-12, so a validator ignores it and the schema checks less than it seems to. Fix: did you mean \"required\"? (an annotation of your own: name it x-requried)"));
    }
}
