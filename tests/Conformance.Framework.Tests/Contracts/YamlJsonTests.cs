using Conformance.Contracts;
using Conformance.Probing;
using YamlDotNet.RepresentationModel;

namespace Conformance.Framework.Tests.Contracts;

/// <summary>A YAML number becomes JSON as written when it is a JSON number literal: no digits lost, no 1.0 turned into 1.</summary>
public sealed class YamlJsonTests
{
    [TestCase("7", "7")]
    [TestCase("-3", "-3")]
    [TestCase("1.0", "1.0")]
    [TestCase("10.10", "10.10")]
    [TestCase("12345678901234567890", "12345678901234567890")]
    [TestCase("1e3", "1e3")]
    [TestCase("+7", "7")]
    [TestCase("01234", "1234")]
    [TestCase("\"01234\"", "\"01234\"")]
    [TestCase("true", "true")]
    public void ToJson_Scalar_AsWrittenWhereJsonAllows(string yaml, string json) =>
        Assert.That(YamlJson.ToJson(Scalar(yaml))!.ToJsonString(), Is.EqualTo(json));

    [Test]
    public void Encode_FormOfYamlNumbers_SentAsWritten()
    {
        var body = YamlJson.ToJson(Document("{ version: 1.0, amount: 10.10, big: 12345678901234567890, zip: \"01234\" }"));

        Assert.That(FormEncoding.Encode(body), Is.EqualTo("version=1.0&amount=10.10&big=12345678901234567890&zip=01234"));
    }

    private static YamlNode Scalar(string yaml) => ((YamlMappingNode)Document($"{{ v: {yaml} }}")).Children[new YamlScalarNode("v")];

    private static YamlNode Document(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode;
    }
}
