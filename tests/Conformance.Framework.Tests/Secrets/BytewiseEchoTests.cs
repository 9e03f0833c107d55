using System.Text;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// A target may write a credential byte by byte (a request id in hex, a debug page escaping every character), inside an
/// OAuth client's Basic credential after percent-encoding it (RFC 6749 2.3.1), or in its reason phrase or a header's
/// name, which the Allure attachments showed unmasked.
/// </summary>
public sealed class BytewiseEchoTests
{
    private const string Secret = "tok+LEAK/7f=a9";

    [TestCase("req-746F6B2B4C45414B2F37663D6139")] // hex, upper case
    [TestCase("req-746f6b2b4c45414b2f37663d6139")] // hex, lower case
    [TestCase("req-%74%6F%6B%2B%4C%45%41%4B%2F%37%66%3D%61%39")] // every byte percent-encoded
    [TestCase("req-\\u0074\\u006F\\u006B\\u002B\\u004C\\u0045\\u0041\\u004B\\u002F\\u0037\\u0066\\u003D\\u0061\\u0039")] // every character JSON-escaped
    [TestCase("req-&#116;&#111;&#107;&#43;&#76;&#69;&#65;&#75;&#47;&#55;&#102;&#61;&#97;&#57;")] // every character an HTML decimal entity
    public void Text_SecretWrittenByteByByte_Masked(string text) =>
        Assert.That(new Redactor([Secret], []).Text(text), Is.EqualTo("req-***"));

    [Test]
    public void Text_SecretInsideBase64OfItsPercentEncodedForm_Masked()
    {
        // An OAuth client's Basic credential: base64(urlencode(id) ":" urlencode(secret)).
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("client-7:" + Uri.EscapeDataString(Secret)));

        Assert.That(basic, Is.EqualTo("Y2xpZW50LTc6dG9rJTJCTEVBSyUyRjdmJTNEYTk="));
        Assert.That(new Redactor([Secret], []).Text("Basic " + basic), Is.EqualTo("Basic Y2xpZW50LTc6***k="));
    }

    [Test]
    public async Task RunAsync_TargetQuotesTheTokenInItsReasonAndAHeaderName_NoArtifactHoldsIt()
    {
        var outcome = await LeakRun.RunAsync("escaped", EchoAsync, new Dictionary<string, string> { ["escaped.token"] = "tok-LEAK-4711" });

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(outcome.Lines, Does.Contain("HTTP 200 Key *** accepted"));
        Assert.That(outcome.Lines, Does.Contain("X-***: 1"));
    }

    private static Task EchoAsync(HostileExchange x)
    {
        var header = x.Request.Headers.FirstOrDefault(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value ?? string.Empty;
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : header;
        return x.RespondAsync(200, $"Key {token} accepted", "application/json", """{"escaped":"a","slashes":"b","lower":"c","trimmed":"d"}""", $"X-{token}: 1");
    }
}
