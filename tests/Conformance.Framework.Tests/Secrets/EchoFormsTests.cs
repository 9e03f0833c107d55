namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// A hostile target echoes the credential back in every form a real server writes it in (<see cref="EchoFormsTarget"/>);
/// a run with the Allure writer and JUnit on writes none of them, in any file, message or console line.
/// </summary>
public sealed class EchoFormsTests
{
    private const string Token = "Tok+LEAK/9f8E7d6c5B4a3f2e==";

    [Test]
    public async Task RunAsync_TargetEchoesTheTokenInEveryForm_NoArtifactHoldsAny()
    {
        var outcome = await LeakRun.RunAsync("echoforms", EchoFormsTarget.AnswerAsync, new Dictionary<string, string> { ["echoforms.token"] = Token });

        Assert.That(outcome.Results, Has.Count.EqualTo(11));
        Assert.That(outcome.Results.Select(r => r.Verdict), Is.All.EqualTo(Conformance.Reporting.Verdict.Failed), string.Join("\n", outcome.Results.Select(r => r.Message)));
        Assert.That(outcome.Artifacts.Select(a => a.Where), Is.SupersetOf(new[] { "message", "curl", "junit.xml", "scorecard.md", "scorecard.json", "environment.properties", "executor.json", "console" }));
        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        var leaks = EchoFormsTarget.Forms(Token).SelectMany(f => Written(Telling(f.Value)).SelectMany(outcome.Leaks).Select(l => (Form: f.Key, Line: l))).ToList();
        Assert.That(leaks.Select(l => l.Form).Distinct(), Is.Empty, string.Join("\n", leaks.Select(l => $"{l.Form}: {l.Line[..Math.Min(l.Line.Length, 160)]}")));
    }

    [TestCase("received \"Tok+LEAK/9f8E7d6c5B4a3f2e\\u003d\\u003d\"", "received \"***\"")]
    [TestCase("received \"Tok\\u002bLEAK\\/9f8E7d6c5B4a3f2e==\"", "received \"***\"")]
    [TestCase("GET /cb/Tok%2BLEAK/9f8E7d6c5B4a3f2e%3D%3D?x=1", "GET /cb/***?x=1")]
    [TestCase("GET /v1/keys/Tok+LEAK%2f9f8E7d6c5B4a3f2e== HTTP/1.1", "GET /v1/keys/*** HTTP/1.1")]
    [TestCase("<a title=\"Tok+LEAK/9f8E7d6c5B4a3f2e&#x3D;&#x3D;\">", "<a title=\"***\">")]
    [TestCase("<a title=Tok&#43;LEAK&#47;9f8E7d6c5B4a3f2e&#61;&equals;>", "<a title=***>")]
    [TestCase("{\"key\":\"Tok+LEAK\\/9f8E\\r\\n7d6c5B4a3f2e\\u003d=\"}", "{\"key\":\"***\"}")]
    public void Text_TokenEscapedAsAnEncoderChoseTo_Masked(string text, string expected) =>
        Assert.That(new Conformance.Reporting.Redactor([Token], []).Text(text), Is.EqualTo(expected));

    [TestCase("100%25 of Tok%2BLEAK/9f8 was sent")]
    [TestCase("a &amp; b &#x3D; c \\u0041 \\\\u0042 %zz &#xZZ; &bogus;")]
    [TestCase("{\"path\":\"C:\\\\new\\\\Tok\\u002BLEAK\"}")]
    public void Text_EscapesWithoutTheWholeToken_Unchanged(string text) =>
        Assert.That(new Conformance.Reporting.Redactor([Token], []).Text(text), Is.EqualTo(text));

    /// <summary>The form as written, and as the Allure JSON files and the JUnit XML file write it.</summary>
    private static IEnumerable<string> Written(string form) =>
        new[] { form, System.Text.Json.JsonSerializer.Serialize(form)[1..^1], System.Security.SecurityElement.Escape(form) }.Distinct(StringComparer.Ordinal);

    /// <summary>What of a form says something of the token: a base64 form's first and last two characters share bits with what is around it, and a masked form may keep them.</summary>
    private static string Telling(string form) => form.Length > 12 && !form.Contains("LEAK", StringComparison.Ordinal) && !form.Contains(' ', StringComparison.Ordinal) ? form[2..^2] : form;
}
