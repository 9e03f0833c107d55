using Conformance.Checks;
using Conformance.Probing;

namespace Conformance.Framework.Tests.Checks;

/// <summary>
/// A JSON body in UTF-16 or UTF-32 (a byte order mark, or 0x00 among its first bytes) is named as such; the reader said
/// "'0x00' is an invalid start of a property name", or "invalid UTF-8 at byte 0" for a byte order mark.
/// </summary>
public sealed class BodyEncodingTests
{
    private const string Rule = "; JSON text sent over a network must be UTF-8 (RFC 8259 8.1)";

    [TestCase(new byte[] { 0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00 }, "the body is UTF-16 (it starts with a UTF-16 byte order mark)" + Rule)]
    [TestCase(new byte[] { 0xFE, 0xFF, 0x00, 0x7B, 0x00, 0x7D }, "the body is UTF-16 (it starts with a UTF-16 byte order mark)" + Rule)]
    [TestCase(new byte[] { 0x00, 0x7B, 0x00, 0x7D }, "the body is UTF-16 (a 0x00 byte among its first two)" + Rule)]
    [TestCase(new byte[] { 0xFF, 0xFE, 0x00, 0x00, 0x7B, 0x00, 0x00, 0x00 }, "the body is UTF-32 (it starts with a UTF-32 byte order mark)" + Rule)]
    [TestCase(new byte[] { 0x7B, 0x00, 0x00, 0x00, 0x7D, 0x00, 0x00, 0x00 }, "the body is UTF-32 (three 0x00 bytes among its first four)" + Rule)]
    [TestCase(new byte[] { 0x00, 0x00, 0x00, 0x7B, 0x00, 0x00, 0x00, 0x7D }, "the body is UTF-32 (three 0x00 bytes among its first four)" + Rule)]
    public void From_BodyInUtf16OrUtf32_NamesTheEncoding(byte[] body, string expected) =>
        Assert.That(ParsedBody.From(Response(body)).ParseError, Is.EqualTo(expected));

    [TestCase("{}")]
    [TestCase("7")]
    [TestCase("[\"\\u0000\"]")]
    [TestCase("{\"a\":\"é\"}")]
    public void From_Utf8Json_Parsed(string body)
    {
        var parsed = ParsedBody.From(Response(System.Text.Encoding.UTF8.GetBytes(body)));
        Assert.Multiple(() =>
        {
            Assert.That(parsed.ParseError, Is.Null);
            Assert.That(parsed.Json, Is.Not.Null);
        });
    }

    private static ProbeResponse Response(byte[] body) => new(200, "OK", [new("Content-Type", "application/json")], body, false, TimeSpan.Zero);
}
