using Conformance.Framework.Tests.Hostile;
using Conformance.Pact.Export;

namespace Conformance.Pact.Tests.Export;

/// <summary>
/// A pack's pattern, exported as a pact regex matcher, judged by libpact_ffi's verifier as the suites judge it (ECMA-262)
/// (found by hand on 2026-12-02): the verifier matches with Oniguruma, where <c>\d</c> took <c>٣</c> (U+0663), <c>\w</c>
/// <c>é</c>, <c>\b</c> Unicode word boundaries and <c>.</c> a <c>\r</c>, and the <c>.*</c> a search pattern was padded
/// with stopped at a line break: <c>^ab</c> refused <c>ab\nc</c>. Each case: the value, and what ECMA-262 says.
/// </summary>
public sealed class PortablePatternVerifierTests
{
    [TestCase("^\\d+$", "\u0663", false)]
    [TestCase("^\\d+$", "3", true)]
    [TestCase("\\bab", "xab", false)]
    [TestCase("\\bab", "\u00e9ab", true)]
    [TestCase("^.$", "\r", false)]
    [TestCase("^.$", "\u2028", false)]
    [TestCase("^.$", "x", true)]
    [TestCase("^ab", "ab\nc", true)]
    [TestCase("[\\d]", "\u0663", false)]
    [TestCase("^[^\\d]$", "\u0663", true)]
    [TestCase("^[x\\D]$", "3", false)]
    [TestCase("^\\w+$", "\u00e9", false)]
    [TestCase("a\\Bb", "ab", true)]
    [TestCase("^\\p{Script=Greek}+$", "\u03B1\u1F00", true)]
    [TestCase("^\\p{sc=Grek}$", "\u03E2", false)]
    [TestCase("^\\p{gc=Lu}\\P{General_Category=Lu}$", "Aa", true)]
    [TestCase("^\\p{Lu}$", "a", false)]
    public async Task Verify_ExportedPattern_JudgedAsTheSuitesJudgeIt(string pattern, string value, bool ecma) =>
        AssertJudged(await VerifyAsync(FullMatch.Of(pattern, ecma: true), value), ecma);

    /// <summary>A table's pattern (.NET syntax, as the suites read it): <c>\d</c> is any decimal digit there, and so in the pact.</summary>
    [TestCase("^\\d+$", "\u0663", true)]
    [TestCase("^\\w$", "\u00e9", true)]
    [TestCase("^ab", "ab\nc", true)]
    [TestCase("^.$", "\n", false)]
    public async Task Verify_ExportedTablePattern_JudgedAsDotNetJudgesIt(string pattern, string value, bool dotNet)
    {
        Assert.That(System.Text.RegularExpressions.Regex.IsMatch(value, pattern), Is.EqualTo(dotNet), "what the suites' .NET reading says");

        AssertJudged(await VerifyAsync(FullMatch.Of(pattern), value), dotNet);
    }

    /// <summary>One interaction whose <c>$.id</c> must match <paramref name="exported"/>, verified against a server answering <paramref name="value"/>.</summary>
    private static async Task<InteractionVerification> VerifyAsync(string exported, string value)
    {
        await using var server = HostileServer.Start(x => x.RespondAsync(200, "OK", "application/json", System.Text.Json.JsonSerializer.Serialize(new { id = value })));
        using var folder = new TempFolder();
        var interaction = new PactInteraction("get it", null, PactRequest.Of("GET", "/x"), PactResponse.Json(200, """{"id":"a1"}""", [BodyMatcher.Regex("$.id", exported)]));
        var pact = PactWriter.Write(new PactDefinition("c", "p", [interaction]), folder.Path);
        return PactVerifier.Verify(new PactVerifierOptions("p", server.BaseUri) { QuietConsole = true }, PactSource.Files([pact])).Interactions.Single();
    }

    private static void AssertJudged(InteractionVerification only, bool expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(only.Passed, Is.EqualTo(expected), only.Mismatch);
            Assert.That(only.Mismatch ?? string.Empty, Does.Not.Contain("not a valid regular expression"), "refused for its value, not for the pattern");
        });
    }
}
