using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// A target may quote a credential across lines: a text body wrapped every N characters (base64 in MIME lines of 76, a
/// debug page's fixed-width block), with CRLF or LF and the next line indented. Each piece alone says nothing, so the
/// secret is looked for in the text as if its line breaks (and the indentation after them) were not there.
/// </summary>
public sealed class WrappedEchoTests
{
    private const string Secret = "tok-LEAK-9f8e7d6c5b4a";

    [TestCase("token tok-LEAK-9f8\ne7d6c5b4a rejected", "token *** rejected")]
    [TestCase("token tok-LEAK-9f8\r\n    e7d6c5b4a rejected", "token *** rejected")]
    [TestCase("token t\nok-LEAK-9f8e7d6c5b4\na rejected", "token *** rejected")]
    [TestCase("token TOK-LEAK-9F8\nE7D6C5B4A rejected", "token *** rejected")]
    [TestCase("a\ntok-LEAK-9f8e7d6c5b4a\nb", "a\n***\nb")]
    [TestCase("tok-LEAK-9f8\n\n\te7d6c5b4a", "***")]
    public void Text_SecretWrittenAcrossLines_Masked(string text, string expected) =>
        Assert.That(new Redactor([Secret], []).Text(text), Is.EqualTo(expected));

    [TestCase("token tok-LEAK-9f8 e7d6c5b4a rejected", "token *** rejected")]
    [TestCase("token tok-L EAK- 9f8e 7d6c 5b4a rejected", "token *** rejected")]
    [TestCase("token tok-LEAK-9f8\te7d6c5b4a rejected", "token *** rejected")]
    [TestCase("{\"error\":\"token tok-LEAK-9f8\\ne7d6c5b4a rejected\"}", "{\"error\":\"token *** rejected\"}")]
    [TestCase("{\"error\":\"token tok-LEAK-9f8\\r\\n  e7d6c5b4a rejected\"}", "{\"error\":\"token *** rejected\"}")]
    [TestCase("{\"error\":\"token tok-LEAK-9f8\\te7d6c5b4a rejected\"}", "{\"error\":\"token *** rejected\"}")]
    [TestCase("{\"key\":\"tok-LEAK-9f8e\\r\\n7d6c5b4a\"}", "{\"key\":\"***\"}")]
    public void Text_SecretSplitBySpacesOrEscapedBreaks_Masked(string text, string expected) =>
        Assert.That(new Redactor([Secret], []).Text(text), Is.EqualTo(expected));

    [TestCase("tok-LEAK-9f8e7d6c5b4a", "token tok-LEAK-9f8 rejected")]
    [TestCase("tok-LEAK-9f8e7d6c5b4a", "{\"error\":\"token tok-LEAK-9f8\\nis half of it\"}")]
    [TestCase("opensesame", "say open sesame to enter")]
    [TestCase("letmein", "please let me in")]
    [TestCase("tok-LEAK-9f8e7d6c5b4a", "{\"error\":\"the token has expired,\\r\\n\\tplease sign in again\"}")]
    public void Text_PiecesThatAreNotTheSecretOrAreWords_Unchanged(string secret, string text) =>
        Assert.That(new Redactor([secret], []).Text(text), Is.EqualTo(text));

    [TestCase("line one\nline two\n")]
    [TestCase("tok-LEAK\n-other")]
    public void Text_LinesWithoutTheWholeSecret_Unchanged(string text) =>
        Assert.That(new Redactor([Secret], []).Text(text), Is.EqualTo(text));

    [Test]
    public async Task RunAsync_TargetEchoesTheTokenWrappedEveryEightCharacters_NoArtifactHoldsAPiece()
    {
        var outcome = await LeakRun.RunAsync("escaped", EchoAsync, new Dictionary<string, string> { ["escaped.token"] = "Tok-Leak-9f8E7d6c5B4a3f2e" });

        Assert.That(outcome.Leaks("Tok-Leak"), Is.Empty);
        Assert.That(outcome.Leaks("c5B4a3f2"), Is.Empty);
    }

    [Test]
    public async Task RunAsync_TargetEchoesTheTokenInPiecesInsideJson_NoArtifactHoldsAPiece()
    {
        var outcome = await LeakRun.RunAsync("escaped", EchoJsonAsync, new Dictionary<string, string> { ["escaped.token"] = "Tok-Leak-9f8E7d6c5B4a3f2e" });

        Assert.That(outcome.Leaks("Tok-Leak"), Is.Empty);
        Assert.That(outcome.Leaks("c5B4a3f2"), Is.Empty);
        Assert.That(outcome.Leaks("5B4a"), Is.Empty);
    }

    /// <summary>Answers 400 with the credential in a JSON body: wrapped every eight characters with escaped CRLFs, and in groups of four.</summary>
    private static Task EchoJsonAsync(HostileExchange x)
    {
        var token = Token(x);
        var pieces = string.Join("\\r\\n", token.Chunk(8).Select(c => new string(c)));
        var groups = string.Join(' ', token.Chunk(4).Select(c => new string(c)));
        return x.RespondAsync(400, "Bad Request", "application/json", $$"""{"error":"invalid_token","wrapped":"{{pieces}}","groups":"{{groups}}"}""");
    }

    private static string Token(HostileExchange x)
    {
        var header = x.Request.Headers.FirstOrDefault(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value ?? string.Empty;
        return header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : header;
    }

    /// <summary>Answers 400 with the credential in a text body, eight characters a line.</summary>
    private static Task EchoAsync(HostileExchange x)
    {
        var token = Token(x);
        var lines = Enumerable.Range(0, (token.Length + 7) / 8).Select(i => token.Substring(i * 8, Math.Min(8, token.Length - (i * 8))));
        return x.RespondAsync(400, "Bad Request", "text/plain", "Your key was:\r\n" + string.Join("\r\n", lines) + "\r\n");
    }
}
