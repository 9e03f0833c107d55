using System.Text.Json;
using Conformance.Framework.Tests.Hostile;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// A target's JSON serializer may escape characters of an echoed token (System.Text.Json writes <c>+</c> as
/// <c>\u002B</c>, PHP writes <c>/</c> as <c>\/</c>), and a body value check quotes the raw JSON; an HTTP stack trims the
/// whitespace a secret store left around a token. Every form is masked.
/// </summary>
public sealed class EscapedEchoTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [TestCase("Zm9v+YmFy/LEAK-base64==", "LEAK")]
    [TestCase("tok+LEAK<&>'/x", "LEAK")]
    public async Task RunAsync_TargetEchoesTokenEscaped_NoArtifactHoldsAnyForm(string token, string marker)
    {
        var outcome = await LeakRun.RunAsync("escaped", EchoAsync, new Dictionary<string, string> { ["escaped.token"] = token });

        Assert.That(outcome.Results.Single().Verdict, Is.EqualTo(Conformance.Reporting.Verdict.Failed), outcome.Results.Single().Message);
        Assert.That(outcome.Leaks(marker), Is.Empty);
        Assert.That(outcome.Results.Single().Checks.Single(c => c.CheckId == "body_value_conformance").Details, Is.EqualTo(new[]
        {
            "/escaped: expected \"nope\", received \"***\"",
            "/slashes: expected \"nope\", received \"***\"",
            "/lower: expected \"nope\", received \"***\"",
            "/trimmed: expected \"nope\", received \"***\"",
        }));
    }

    [Test]
    public async Task RunAsync_TargetEchoesTokenInUtf16_NoArtifactHoldsItInAnyForm()
    {
        // The body is read as UTF-8: UTF-16 text comes out as its characters with NULs between them (U+FFFD in JUnit).
        var outcome = await LeakRun.RunAsync("escaped", x =>
        {
            var header = x.Request.Headers.First(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value;
            return x.RespondAsync(200, "OK", "text/plain; charset=utf-16", System.Text.Encoding.Unicode.GetBytes($"token {header} refused"));
        }, new Dictionary<string, string> { ["escaped.token"] = "tok-LEAK-utf16" });

        Assert.That(outcome.Leaks("L\0E\0A\0K"), Is.Empty);
        Assert.That(outcome.Leaks("L\uFFFDE\uFFFDA\uFFFDK"), Is.Empty);
        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
    }

    [TestCase("\"p\\u00E4ss\\u002Bw\\u00F6rt/LEAK\"")]
    [TestCase("\"p\\u00e4ss+w\\u00f6rt/LEAK\"")]
    [TestCase("\"päss+wört\\/LEAK\"")]
    [TestCase("\"päss\\u002bwört/LEAK\"")]
    public void Text_PasswordQuotedAsAJsonStringEscapesIt_Masked(string quoted) =>
        Assert.That(new Conformance.Reporting.Redactor(["päss+wört/LEAK"], []).Text($"received {quoted}"), Is.EqualTo("received \"***\""));

    /// <summary>Answers with the credential as System.Text.Json, PHP and a lower-case-hex encoder escape it, and trimmed.</summary>
    private static Task EchoAsync(HostileExchange x)
    {
        var header = x.Request.Headers.FirstOrDefault(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value ?? string.Empty;
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : header;
        var escaped = JsonSerializer.Serialize(token);
        var lower = System.Text.RegularExpressions.Regex.Replace(escaped, @"\\u[0-9A-F]{4}", m => m.Value.ToLowerInvariant());
        var slashes = JsonSerializer.Serialize(token, Relaxed).Replace("/", "\\/", StringComparison.Ordinal);
        var body = $$"""{"escaped":{{escaped}},"slashes":{{slashes}},"lower":{{lower}},"trimmed":{{JsonSerializer.Serialize(token.Trim())}}}""";
        return x.RespondAsync(200, "OK", "application/json", body);
    }
}
