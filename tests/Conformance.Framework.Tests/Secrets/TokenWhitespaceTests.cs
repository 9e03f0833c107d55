using System.Text.Json;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// A token copied into a secret store often keeps a trailing newline or spaces. HTTP cannot carry a line break in a
/// header and trims the spaces, so the target saw (and echoed) a token the masking did not know, and a line break made
/// the HTTP client throw an exception quoting the whole header into the test's message.
/// </summary>
public sealed class TokenWhitespaceTests
{
    [TestCase("  padded-LEAK-4711 ")]
    [TestCase("newline-LEAK-4711\n")]
    [TestCase("crlf-LEAK-4711\r\n")]
    public async Task RunAsync_TokenWithSurroundingWhitespace_SentTrimmedAndEchoMasked(string token)
    {
        string? received = null;
        var outcome = await LeakRun.RunAsync("escaped", x => EchoAsync(x, value => received = value), new Dictionary<string, string> { ["escaped.token"] = token });

        Assert.That(received, Is.EqualTo("Bearer " + token.Trim()));
        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(outcome.Results.Single().Checks.Single(c => c.CheckId == "body_value_conformance").Details, Has.All.EndsWith("received \"***\""));
    }

    [Test]
    public async Task RunAsync_TokenWithALineBreakInside_InvalidSettingWithoutItsValue()
    {
        var outcome = await LeakRun.RunAsync("escaped", x => EchoAsync(x, _ => { }), new Dictionary<string, string> { ["escaped.token"] = "line-LEAK\nbreak" });

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(outcome.Results.Single().Verdict, Is.EqualTo(Verdict.Broken));
        Assert.That(outcome.Results.Single().Message, Is.EqualTo(
            "Invalid target settings, no probe was sent:" + Environment.NewLine
            + "runsettings:escaped.token(1,1): error CT0303: escaped.token holds a line break or another control character, no HTTP header or query can carry it (the value is a secret and is not shown). Fix: Give the setting a value of the type the message names."));
    }

    [Test]
    public async Task RunAsync_TokenOutsideAsciiInAHeader_InvalidSettingWithoutItsValue()
    {
        // The HTTP client refuses it, and the case read "Target unreachable (protocol): ... not valid HTTP", blaming the target.
        var outcome = await LeakRun.RunAsync("escaped", x => EchoAsync(x, _ => { }), new Dictionary<string, string> { ["escaped.token"] = "tøkén-LEAK-4711" });

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(outcome.Results.Single().Message, Is.EqualTo(
            "Invalid target settings, no probe was sent:" + Environment.NewLine
            + "runsettings:escaped.token(1,1): error CT0303: escaped.token holds a character outside ASCII, the pack sends it in the Authorization header, and the HTTP client sends only ASCII in a header (the value is a secret and is not shown). Fix: Give the setting a value of the type the message names."));
    }

    [Test]
    public async Task RunAsync_SecretVariableOutsideAsciiInAHeader_BrokenNamingTheHeaderNotItsValue()
    {
        var outcome = await LeakRun.RunAsync("secretvars", x => EchoAsync(x, _ => { }), new Dictionary<string, string> { ["secretvars.token"] = "tok-4711-abcd", ["secretvars.var.tenant_secret"] = "ténant-LEAK-4711", ["secretvars.allowMutation"] = "true" });

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(outcome.Results.Single().Verdict, Is.EqualTo(Verdict.Broken));
        Assert.That(outcome.Results.Single().Message, Does.StartWith(
            "Not sent (request): Header 'X-Tenant' holds a character outside ASCII, which the HTTP client does not send in a header (RFC 9110 5.5); no request was sent." + Environment.NewLine + "Reproduce: curl -i -X POST '"));
    }

    [Test]
    public async Task RunAsync_HeaderValueWithALineBreak_BrokenNamingTheHeaderNotItsValue()
    {
        // The value comes from the pack file and is shown in the curl line like any header; the message names the header only.
        var outcome = await LeakRun.RunAsync("controlheader", x => EchoAsync(x, _ => { }), new Dictionary<string, string>());

        Assert.That(outcome.Results.Single().Verdict, Is.EqualTo(Verdict.Broken));
        Assert.That(outcome.Results.Single().Message, Does.StartWith(
            "Not sent (request): Header 'X-Tenant' holds a line break or another control character, which HTTP does not allow; no request was sent." + Environment.NewLine + "Reproduce: curl -i -X GET '"));
    }

    private static Task EchoAsync(HostileExchange x, Action<string> seen)
    {
        var header = x.Request.Headers.FirstOrDefault(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value ?? string.Empty;
        seen(header);
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : header;
        var echo = JsonSerializer.Serialize(token);
        return x.RespondAsync(200, "OK", "application/json", $$"""{"escaped":{{echo}},"slashes":{{echo}},"lower":{{echo}},"trimmed":{{echo}}}""");
    }
}
