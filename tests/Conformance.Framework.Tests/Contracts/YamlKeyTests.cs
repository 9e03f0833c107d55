using Conformance.Contracts;

namespace Conformance.Framework.Tests.Contracts;

/// <summary>A mapping entry's key read from its line alone, decoded as YAML decodes it.</summary>
public sealed class YamlKeyTests
{
    [TestCase("get_thing: x", "get_thing", "get_thing")]
    [TestCase("\"400\":", "\"400\"", "400")]
    [TestCase("'it''s': x", "'it''s'", "it's")]
    [TestCase("\"get\\u005fthing\": x", "\"get\\u005fthing\"", "get_thing")]
    [TestCase("\"a\\\"b\": x", "\"a\\\"b\"", "a\"b")]
    [TestCase("\"a: b\\x41\\U0001F600\\\\\" : x", "\"a: b\\x41\\U0001F600\\\\\"", "a: bA\U0001F600\\")]
    public void At_Key_RawAsWrittenAndNameDecoded(string line, string raw, string name) =>
        Assert.That(YamlKey.At(line, 0), Is.EqualTo(new YamlKey(raw, name)));

    [TestCase("\"get\\qthing\": x")]
    [TestCase("\"get\\u00\": x")]
    [TestCase("\"\\UFFFFFFFF\": x")]
    [TestCase("\"\\uD800\": x")]
    [TestCase("\"never closed: x")]
    [TestCase("\"\": x")]
    [TestCase("get_thing:x")]
    [TestCase("[get, thing]: x")]
    public void At_NoReadableKey_Null(string line) => Assert.That(YamlKey.At(line, 0), Is.Null);
}
