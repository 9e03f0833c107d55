using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// A target may base64 a text that holds the secret in a form of its own (a JSON document that escapes it twice, an
/// HTML page, a URL), URL-safe without padding, wrapped at 76 characters as MIME does, or base64 inside base64. Runs that
/// read as base64 are decoded and masked whole when the decoded text holds a secret; any other run stays as it is.
/// </summary>
public sealed class Base64FormsTests
{
    private const string Token = "Tok+LEAK/9f8E7d6c5B4a3f2e==";

    [TestCase("json twice")]
    [TestCase("json twice, url-safe")]
    [TestCase("percent twice, url-safe")]
    [TestCase("html")]
    [TestCase("html, base64 inside base64")]
    [TestCase("json twice, as System.Text.Json quotes it")]
    [TestCase("json twice, as PHP quotes it")]
    public void Text_TokenInsideBase64OfAnotherForm_RunMasked(string how) =>
        Assert.That(new Redactor([Token], []).Text($"{{\"blob\":\"{Blob(how)}\",\"n\":1}}"), Is.EqualTo("{\"blob\":\"***\",\"n\":1}"));

    [Test]
    public void Text_TokenInsideBase64WrappedAt76_RunMasked()
    {
        var blob = Base64(Doc(Html(Token)) + " and some padding text to make it longer than a line or two of MIME");
        var wrapped = string.Join("\r\n", blob.Chunk(76).Select(c => new string(c)));

        Assert.That(blob.Length, Is.GreaterThan(152));
        Assert.That(new Redactor([Token], []).Text($"Content-Transfer-Encoding: base64\r\n\r\n{wrapped}\r\n--boundary--"), Is.EqualTo("Content-Transfer-Encoding: base64\r\n\r\n***\r\n--boundary--"));
    }

    [Test]
    public void Text_TokenInsideBase64AfterAPath_RunMasked() =>
        Assert.That(new Redactor([Token], []).Text($"GET /v1/files/{UrlSafe(Base64(Doc(Html(Token))))} HTTP/1.1"), Is.EqualTo("GET *** HTTP/1.1"));

    [Test]
    public void Text_OrdinaryBase64AndIds_Unchanged()
    {
        var image = new byte[3000];
        new Random(7).NextBytes(image);
        var text = $"<img src=\"data:image/png;base64,{Convert.ToBase64String(image)}\"> sha256 {Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Token)))}"
            + $" id 3f2504e0-4f89-11d3-9a0c-0305e82c3301 {Base64(Doc(Html("Tok+LEAK/9f8E7d6c5B4a3f2X==")))} ConformanceFrameworkTestsSecretsBase64FormsTests"
            + $" eyJhbGciOiJIUzI1NiJ9.{UrlSafe(Base64("{\"sub\":\"qa\",\"scope\":\"read write\"}"))}.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";

        Assert.That(new Redactor([Token], []).Text(text), Is.EqualTo(text));
    }

    private static string Blob(string how) => how switch
    {
        "json twice" => Base64(Doc(Json(Json(Token)))),
        "json twice, url-safe" => UrlSafe(Base64(Doc(Json(Json(Token))))),
        "percent twice, url-safe" => UrlSafe(Base64("https://app.example/cb?state=" + Uri.EscapeDataString(Uri.EscapeDataString(Token)) + "&n=1")),
        "html" => Base64(Doc(Html(Token))),
        "html, base64 inside base64" => Base64(Doc(Base64(Doc(Html(Token))))),
        "json twice, as System.Text.Json quotes it" => Json(Base64(Doc(Json(Json(Token))) + ">>>")),
        "json twice, as PHP quotes it" => Base64(Doc(Json(Json(Token))) + "???").Replace("/", "\\/", StringComparison.Ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(how)),
    };

    private static string Doc(string value) => $"{{\"user\":\"client-7\",\"key\":\"{value}\",\"issued\":1796068021}}";

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string UrlSafe(string base64) => base64.TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Json(string text) => JsonSerializer.Serialize(text)[1..^1];

    private static string Html(string text) => text.Replace("+", "&#43;", StringComparison.Ordinal).Replace("/", "&#x2F;", StringComparison.Ordinal);
}
