using System.Text.Json.Nodes;

namespace Conformance.Schema.Tests;

/// <summary>
/// <see cref="SchemaOptions.MisspeltFormats"/>: a <c>format</c> the validator does not know but close to one it knows is
/// CT0212 with the formats meant; known formats (asserted or OpenAPI's), formats far from any and x- formats load.
/// </summary>
[TestFixture]
public sealed class MisspeltFormatTests
{
    private static readonly SchemaOptions Options = new() { MisspeltFormats = true };

    [TestCase("emial", "did you mean \"email\"?")]
    [TestCase("int99", "did you mean \"int16\", \"int32\", \"int64\" or \"int8\"?")]
    [TestCase("date_time", "did you mean \"date-time\"?")]
    [TestCase("UUID", "did you mean \"uuid\"?")]
    [TestCase("url", "did you mean \"uri\"?")]
    [TestCase("ipv5", "did you mean \"ipv4\" or \"ipv6\"?")]
    public void Parse_FormatCloseToAKnownOne_ReportsCT0212(string format, string fix)
    {
        var result = JsonSchema.Parse("{\"type\": \"string\", \"format\": \"" + format + "\"}", "s.json", Options);

        Assert.That(result.Schema, Is.Null);
        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "CT0212" }));
        Assert.That(result.Diagnostics.Single().Fix, Does.StartWith(fix));
    }

    [Test]
    public void Parse_MisspeltFormat_RendersPinnedTextAtTheValue()
    {
        var result = JsonSchema.Parse("{\n  \"properties\": {\n    \"mail\": { \"type\": \"string\", \"format\": \"emial\" }\n  }\n}", "schemas/user.schema.json", Options);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "schemas/user.schema.json(3,43): error CT0212: unknown format \"emial\", no format of that name is known, so it checks nothing and the value may be anything. " +
            "Fix: did you mean \"email\"? (a format of your own: name it x-emial)",
        }));
    }

    [TestCase("email")]
    [TestCase("date-time")]
    [TestCase("uuid")]
    [TestCase("int64")] // OpenAPI's formats are known, though only annotations
    [TestCase("binary")]
    [TestCase("password")]
    [TestCase("x-emial")]
    [TestCase("currency-code")] // a format of the author's own, close to none
    public void Parse_KnownOrOwnFormat_Loads(string format)
    {
        var result = JsonSchema.Parse("{\"format\": \"" + format + "\"}", "s.json", Options);

        Assert.That(result.Diagnostics, Is.Empty);
    }

    [Test]
    public void Parse_Draft4OnlyFormatInDraft4_Loads()
    {
        var result = JsonSchema.Parse("""{"$schema": "http://json-schema.org/draft-04/schema#", "format": "host-name"}""", "s.json", Options);

        Assert.That(result.Diagnostics, Is.Empty);
    }

    [Test]
    public void Parse_MisspeltFormatWithoutTheOption_StaysAnAnnotation()
    {
        var result = JsonSchema.Parse("""{"format": "emial"}""", "s.json");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Schema!.Validate(JsonNode.Parse("\"not an address\"")).IsValid, Is.True);
    }
}
