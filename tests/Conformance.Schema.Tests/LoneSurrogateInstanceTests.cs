using System.Text.Json;

namespace Conformance.Schema.Tests;

/// <summary>
/// An instance whose string or member name holds an escaped lone surrogate (<c>"\uD800"</c>: valid JSON grammar, no
/// Unicode text) made Validate throw InvalidOperationException from every keyword that reads the text; it is now invalid
/// at that place, with why. A surrogate pair, and a keyword that does not read the text, are as before.
/// </summary>
public sealed class LoneSurrogateInstanceTests
{
    private const string Why = "holds an escaped lone surrogate, which names no Unicode character: it cannot be read as text";

    [TestCase("""{"pattern":"^a"}""", "\"a\\uD800\"", "", "the string " + Why)]
    [TestCase("""{"maxLength":3}""", "\"\\uDC00\"", "", "the string " + Why)]
    [TestCase("""{"const":"x"}""", "\"\\uD800\"", "", "the string " + Why)]
    [TestCase("""{"enum":["x","y"]}""", "\"\\uD800\"", "", "the string " + Why)]
    [TestCase("""{"format":"email"}""", "\"\\uD800@example.com\"", "", "the string " + Why)]
    [TestCase("""{"properties":{"a":{"maxLength":1}}}""", """{"a":"\uD800"}""", "/a", "the string " + Why)]
    [TestCase("""{"propertyNames":{"maxLength":5}}""", """{"\uD800":1}""", "", "the member name \"\\uD800\" (as written) " + Why)]
    [TestCase("""{"patternProperties":{"^x":{}},"additionalProperties":false}""", """{"\uDC00x":1}""", "", "the member name \"\\uDC00x\" (as written) " + Why)]
    [TestCase("""{"required":["a"]}""", """{"\uD800":1}""", "", "the member name \"\\uD800\" (as written) " + Why)]
    public void Validate_LoneSurrogateInTheInstance_InvalidSayingWhy(string schema, string instance, string at, string message)
    {
        using var document = JsonDocument.Parse(instance);

        var result = Load(schema).Validate(document.RootElement);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.Errors.Select(e => (e.InstanceLocation, e.Message)), Does.Contain((at, message)));
        });
    }

    [TestCase("""{"pattern":"^a","maxLength":3,"const":"a\uD83D\uDC32"}""", "\"a\\uD83D\\uDC32\"")]
    [TestCase("""{"propertyNames":{"maxLength":1}}""", """{"\uD83D\uDC32":1}""")]
    [TestCase("""{"type":"string"}""", "\"\\uD800\"")]
    [TestCase("""{"properties":{"b":{"maxLength":1}}}""", """{"a":"\uD800","b":"x"}""")]
    public void Validate_PairsOrNoKeywordReadingTheText_Valid(string schema, string instance)
    {
        using var document = JsonDocument.Parse(instance);

        Assert.That(Load(schema).Validate(document.RootElement).IsValid, Is.True);
    }

    private static JsonSchema Load(string schema)
    {
        var loaded = JsonSchema.Parse(schema, options: new SchemaOptions { FormatAssertion = true });
        Assert.That(loaded.Diagnostics, Is.Empty);
        return loaded.Schema!;
    }
}
