using System.Text.Json.Nodes;
using Conformance.Probing;

namespace Conformance.Framework.Tests.Scenarios;

/// <summary>
/// <see cref="FormEncoding"/>: a flat body as application/x-www-form-urlencoded pairs, every reserved character
/// percent-encoded, a space always %20, a list repeating its name; and the masking of credential fields.
/// </summary>
public sealed class FormEncodingTests
{
    [TestCase("""{"grant_type":"client_credentials","scope":"read write"}""", "grant_type=client_credentials&scope=read%20write")]
    [TestCase("""{"a b":"x+y=z&w","c":"ä/€?#"}""", "a%20b=x%2By%3Dz%26w&c=%C3%A4%2F%E2%82%AC%3F%23")]
    [TestCase("""{"size":3,"ratio":2.5,"neg":-1,"on":true,"off":false}""", "size=3&ratio=2.5&neg=-1&on=true&off=false")]
    [TestCase("""{"tag":["a","b c",7]}""", "tag=a&tag=b%20c&tag=7")]
    [TestCase("""{"empty":"","gone":null}""", "empty=&gone=")]
    [TestCase("""{"odd":{"x":1}}""", "odd=%7B%22x%22%3A1%7D")]
    [TestCase("""{}""", "")]
    public void Encode_FlatBody_PairsInOrder(string json, string expected) =>
        Assert.That(FormEncoding.Encode(JsonNode.Parse(json)), Is.EqualTo(expected));

    [Test]
    public void Decode_PlusAndPercent20_BothASpace() =>
        Assert.That(FormEncoding.Decode("scope=read+write&x=a%20b&flag&bad=%zz"), Is.EqualTo(new KeyValuePair<string, string>[]
        {
            new("scope", "read write"), new("x", "a b"), new("flag", string.Empty), new("bad", "%zz"),
        }));

    [Test]
    public void Encode_ThenDecode_SameFields()
    {
        var body = JsonNode.Parse("""{"q":"a&b=c d+e%","n":"ü"}""");

        Assert.That(FormEncoding.Decode(FormEncoding.Encode(body)), Is.EqualTo(new KeyValuePair<string, string>[] { new("q", "a&b=c d+e%"), new("n", "ü") }));
    }

    [TestCase("client_id=app&client_secret=s3&password=p%20w&grant_type=password", "client_id=app&client_secret=***&password=***&grant_type=password")]
    [TestCase("client%5Fsecret=abc&user=ann", "client%5Fsecret=***&user=ann")]
    [TestCase("token&x=1", "token&x=1")]
    public void Mask_CredentialFields_ValueMaskedNameKept(string body, string expected) =>
        Assert.That(FormEncoding.Mask(body, Conformance.Reporting.Redactor.None.IsSecretName, "***"), Is.EqualTo(expected));

    [TestCase("application/x-www-form-urlencoded", true)]
    [TestCase("Application/X-WWW-Form-Urlencoded; charset=utf-8", true)]
    [TestCase("application/json", false)]
    [TestCase(null, false)]
    public void IsForm_MediaType_ParametersIgnored(string? contentType, bool expected) =>
        Assert.That(FormEncoding.IsForm(contentType), Is.EqualTo(expected));
}
