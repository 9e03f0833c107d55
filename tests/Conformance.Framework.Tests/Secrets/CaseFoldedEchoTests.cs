using System.Text.Json;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// A target may change the case of a credential it quotes: an error that upper-cases a hex key, a log line that
/// lower-cases a token, a percent-encoder with the other hex case. The ASCII letters of every form of a secret match in
/// either case; other characters match as they are.
/// </summary>
public sealed class CaseFoldedEchoTests
{
    [TestCase("7f3a9c2e5b1d8f4a6c0e9b7d5f3a1c8e", "invalid key 7F3A9C2E5B1D8F4A6C0E9B7D5F3A1C8E", "invalid key ***")]
    [TestCase("Tok-LEAK-AbCd9", "unknown token tok-leak-abcd9.", "unknown token ***.")]
    [TestCase("Tok-LEAK-AbCd9", "unknown token TOK-LEAK-ABCD9 and Tok-LEAK-AbCd9", "unknown token *** and ***")]
    [TestCase("tok+LEAK/AbCd", "GET /x?id=TOK%2BLEAK%2FABCD", "GET /x?id=***")]
    [TestCase("päss-LEAK-wört", "password PäSS-leak-WöRT rejected", "password *** rejected")]
    public void Text_SecretQuotedInAnotherCase_Masked(string secret, string text, string expected) =>
        Assert.That(new Redactor([secret], []).Text(text), Is.EqualTo(expected));

    [Test]
    public void Text_SecretInAnotherCaseCutBeforeAnEllipsis_PrefixMasked() =>
        Assert.That(new Redactor(["key-LEAK-7f3a9c2e5b1d8f4a"], []).Text("bad key KEY-LEAK-7F3A..."), Is.EqualTo("bad key ***..."));

    [Test]
    public void Text_NonAsciiLetterInAnotherCase_NotFolded() =>
        Assert.That(new Redactor(["päss-LEAK-wört"], []).Text("PÄSS-LEAK-WÖRT"), Is.EqualTo("PÄSS-LEAK-WÖRT"), "only ASCII letters are folded");

    [Test]
    public async Task RunAsync_TargetEchoesTheTokenUpperAndLowerCased_NoArtifactHoldsIt()
    {
        var outcome = await LeakRun.RunAsync("escaped", EchoAsync, new Dictionary<string, string> { ["escaped.token"] = "Tok-Leak-9f8E7d" });

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(outcome.Leaks("leak"), Is.Empty);
        Assert.That(outcome.Results.Single().Checks.Single(c => c.CheckId == "body_value_conformance").Details, Is.EqualTo(new[]
        {
            "/escaped: expected \"nope\", received \"***\"",
            "/slashes: expected \"nope\", received \"***\"",
            "/lower: expected \"nope\", received \"***\"",
            "/trimmed: expected \"nope\", received \"key *** unknown\"",
        }));
    }

    /// <summary>Answers with the credential upper-cased and lower-cased, as a target's error text may quote it.</summary>
    private static Task EchoAsync(HostileExchange x)
    {
        var header = x.Request.Headers.FirstOrDefault(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value ?? string.Empty;
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : header;
        var body = new Dictionary<string, string>
        {
            ["escaped"] = token.ToUpperInvariant(),
            ["slashes"] = token.ToLowerInvariant(),
            ["lower"] = token.ToLowerInvariant(),
            ["trimmed"] = $"key {token.ToUpperInvariant()} unknown",
        };
        return x.RespondAsync(200, "OK", "application/json", JsonSerializer.Serialize(body));
    }
}
