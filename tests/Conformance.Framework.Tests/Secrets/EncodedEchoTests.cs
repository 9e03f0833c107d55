using System.Text;
using System.Text.Json;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// A target may quote a credential in an HTML page, escaped as its template engine escapes text (<c>&amp;amp;</c>,
/// <c>&amp;#43;</c>, <c>&amp;#x2B;</c>), or inside base64 it encoded (a JWT it minted, a Basic credential, a cursor): base64
/// puts the secret's bytes at any of 3 alignments, so each alignment's characters that only the secret decides are masked.
/// </summary>
public sealed class EncodedEchoTests
{
    private const string Secret = "tok-LEAK-7f3a9c";
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [TestCase("tok+LEAK&<9>'\"x", "<p>tok+LEAK&amp;&lt;9&gt;&#39;&quot;x</p>")] // WebUtility.HtmlEncode, PHP htmlspecialchars
    [TestCase("tok+LEAK&<9>'\"x", "<p>tok&#43;LEAK&amp;&lt;9&gt;&#39;&#34;x</p>")] // Go html/template
    [TestCase("tok+LEAK&<9>'\"x", "<p>tok&#x2B;LEAK&amp;&lt;9&gt;&#x27;&quot;x</p>")] // ASP.NET Core (Razor)
    [TestCase("tok+LEAK&<9>'\"x", "<p>tok+LEAK&amp;&lt;9&gt;&#x27;&quot;x</p>")] // Python html.escape
    [TestCase("päss-LEAK-wört", "<p>p&#228;ss-LEAK-w&#246;rt</p>")]
    [TestCase("päss-LEAK-wört", "<p>p&#xe4;ss-LEAK-w&#xf6;rt</p>")]
    public void Text_SecretQuotedHtmlEscaped_Masked(string secret, string html) =>
        Assert.That(new Redactor([secret], []).Text(html), Is.EqualTo("<p>***</p>"));

    [TestCase("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJxYSIsImFwaV9rZXkiOiJ0b2stTEVBSy03ZjNhOWMiLCJuIjoxfQ.c2ln", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJxYSIsImFwaV9rZXkiOiJ***MiLCJuIjoxfQ.c2ln")]
    [TestCase("Basic cWE6dG9rLUxFQUstN2YzYTlj", "Basic cWE6***")]
    [TestCase("dG9rLUxFQUstN2YzYTlj", "***")]
    [TestCase("eHRvay1MRUFLLTdmM2E5YyE=", "eH***yE=")]
    public void Text_SecretInsideBase64_TheCharactersOnlyItDecidesMasked(string text, string expected) =>
        Assert.That(new Redactor([Secret], []).Text(text), Is.EqualTo(expected));

    [Test]
    public void Text_SecretInsideAJwtDotNetMinted_JsonEscapedFormMasked()
    {
        // System.Text.Json writes '+' as \u002B and '&' as \u0026: the JWT's payload holds the base64 of that form, not of the secret.
        const string secret = "tok+LEAK/7f3a9c&x";
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string> { ["sub"] = "qa", ["tok"] = secret })))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.That(payload, Is.EqualTo("eyJzdWIiOiJxYSIsInRvayI6InRva1x1MDAyQkxFQUsvN2YzYTljXHUwMDI2eCJ9"));
        Assert.That(new Redactor([secret], []).Text($"eyJhbGciOiJIUzI1NiJ9.{payload}.c2ln"), Is.EqualTo("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJxYSIsInRvayI6In***CJ9.c2ln"));
    }

    [Test]
    public void Text_SecretInsideBase64InAJsonStringPhpWrote_SlashEscapedFormMasked()
    {
        // PHP's json_encode writes '/' as '\/': the base64 of {"tok":"tok?>?>LEAK~~?secret"} holds '/' at the secret's bytes.
        const string secret = "tok?>?>LEAK~~?secret";
        var blob = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"tok\":\"" + secret + "\"}"));

        Assert.That(blob, Is.EqualTo("eyJ0b2siOiJ0b2s/Pj8+TEVBS35+P3NlY3JldCJ9"));
        Assert.That(new Redactor([secret], []).Text("{\"blob\":\"" + blob.Replace("/", "\\/", StringComparison.Ordinal) + "\"}"), Is.EqualTo("{\"blob\":\"eyJ0b2siOiJ***CJ9\"}"));
    }

    [TestCase("abcdefg")] // 7 characters: its base64 would be masked wherever 8 or so characters happen to match
    public void Text_ShortSecret_NoBase64Form(string secret) =>
        Assert.That(new Redactor([secret], []).Text(Convert.ToBase64String(Encoding.UTF8.GetBytes("x" + secret))), Is.EqualTo(Convert.ToBase64String(Encoding.UTF8.GetBytes("x" + secret))));

    [Test]
    public async Task RunAsync_TargetEchoesTheTokenInHtmlAndInAJwt_NoArtifactHoldsIt()
    {
        var outcome = await LeakRun.RunAsync("escaped", EchoAsync, new Dictionary<string, string> { ["escaped.token"] = "tok+LEAK/7f3a9c&x" });

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(outcome.Artifacts.Where(a => a.Text.Contains(Base64Core("tok+LEAK/7f3a9c&x"), StringComparison.Ordinal)).Select(a => a.Where), Is.Empty);
        Assert.That(outcome.Results.Single().Checks.Single(c => c.CheckId == "body_value_conformance").Details, Is.EqualTo(new[]
        {
            "/escaped: expected \"nope\", received \"\\u003Cb\\u003E***\\u003C/b\\u003E\"",
            "/slashes: expected \"nope\", received \"eyJhbGciOiJub25lIn0.eyJzdWIiOiJxYSIsInRvayI6In***In0.\"",
            "/lower: expected \"nope\", received \"***\"",
            "/trimmed: expected \"nope\", received \"d\"",
        }));
    }

    /// <summary>Characters of the token's base64 at its own alignment that only the token decides.</summary>
    private static string Base64Core(string token) => Convert.ToBase64String(Encoding.UTF8.GetBytes(token))[..12];

    /// <summary>
    /// Answers with the credential HTML-escaped (as a Razor page shows it) and inside a JWT's payload (base64url, its JSON
    /// written as Node's JSON.stringify writes it, <c>+</c> unescaped; .NET's <c>\u002B</c> is another test's).
    /// </summary>
    private static Task EchoAsync(HostileExchange x)
    {
        var header = x.Request.Headers.FirstOrDefault(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value ?? string.Empty;
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : header;
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string> { ["sub"] = "qa", ["tok"] = token }, Relaxed)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var body = new Dictionary<string, string>
        {
            ["escaped"] = $"<b>{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(token)}</b>",
            ["slashes"] = $"eyJhbGciOiJub25lIn0.{payload}.",
            ["lower"] = System.Net.WebUtility.HtmlEncode(token),
            ["trimmed"] = "d",
        };
        return x.RespondAsync(200, "OK", "application/json", JsonSerializer.Serialize(body));
    }
}
