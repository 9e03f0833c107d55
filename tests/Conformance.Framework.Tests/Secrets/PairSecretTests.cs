using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// A target may quote a credential it handed out as <c>name=value</c> or <c>name: value</c> in free text that is no URL
/// query: an HTML page, a log line echoed in a 500 body, a challenge's parameters. The value after a name like a
/// credential's is masked from 8 characters on; labels (<c>token_type=Bearer</c>), words and the run's own messages stay.
/// </summary>
public sealed class PairSecretTests
{
    [TestCase("<p>refresh_token=rt-LEAK-7f3a9c12</p>", "<p>refresh_token=***</p>")]
    [TestCase("12:00:01 ERROR refresh failed access_token: at-LEAK-91b2c3d4 user=qa", "12:00:01 ERROR refresh failed access_token: *** user=qa")]
    [TestCase("<pre>{\"password\":\"pw-LEAK-0042\",\"user\":\"qa\"}</pre>", "<pre>{\"password\":\"***\",\"user\":\"qa\"}</pre>")]
    [TestCase("Bearer realm=\"api\", error=\"invalid_token\", session_id=\"s-LEAK-5e6f7a8b\"", "Bearer realm=\"api\", error=\"invalid_token\", session_id=\"***\"")]
    [TestCase("upstream sent Authorization: Bearer at-LEAK-0a1b2c3d, retrying", "upstream sent Authorization: Bearer ***, retrying")]
    [TestCase("received \"{\\\"client_secret\\\":\\\"cs-LEAK-77aa88bb\\\"}\"", "received \"{\\\"client_secret\\\":\\\"***\\\"}\"")]
    [TestCase("db.password = 'LEAK-hunter22'", "db.password = '***'")]
    [TestCase("X-Auth-Token: LEAKabcdEFGH", "X-Auth-Token: ***")]
    [TestCase("<pre>{&quot;user&quot;:&quot;qa&quot;,&quot;password&quot;:&quot;pw-LEAK-0042&quot;}</pre>", "<pre>{&quot;user&quot;:&quot;qa&quot;,&quot;password&quot;:&quot;***&quot;}</pre>")]
    [TestCase("<td>{&#34;refresh_token&#34;: &#34;rt-LEAK-7f3a9c12&#34;}</td>", "<td>{&#34;refresh_token&#34;: &#34;***&#34;}</td>")]
    [TestCase("<td>{&#x22;api_key&#x22;:&#x22;k-LEAK-55aa66bb&#x22;}</td>", "<td>{&#x22;api_key&#x22;:&#x22;***&#x22;}</td>")]
    public void Text_CredentialNamedPairInFreeText_ValueMasked(string text, string expected) =>
        Assert.That(Redactor.None.Text(text), Is.EqualTo(expected));

    [TestCase("status_code_conformance: Expected 401 Unauthorized, received 200 OK")]
    [TestCase("access_token=abc1234 token_type=Bearer")]
    [TestCase("/access_token: Value is \"integer\" but should be \"string\" [schema /properties/access_token/type]")]
    [TestCase("Body schema violation / 1 error(s) against /properties/token (for 200)")]
    [TestCase("X-Session-Token: expected present, but missing")]
    [TestCase("Set-Cookie: expected absent, received 'session=***; Path=/'")]
    [TestCase("Token request failed: POST https://auth.example.com/oauth/token answered 401 Unauthorized: invalid_client")]
    [TestCase("WWW-Authenticate: Bearer realm=\"api\", error=\"invalid_token\"")]
    [TestCase("fetch the token with notes.tokenUrl=https://auth.example.com/oauth/token and notes.tokenGrant=client_credentials")]
    [TestCase("the pack sends a credential (password: {password}, token=${api_token})")]
    [TestCase("https://auth.example.com:8443/oauth/token: refused")]
    [TestCase("the pack sends a credential (Cookie: session_id={token})")]
    [TestCase("<pre>{&quot;token_type&quot;:&quot;Bearer&quot;,&quot;session&quot;:&quot;expired&quot;}</pre>")]
    public void Text_OrdinaryMessageWithCredentialWords_Intact(string text) =>
        Assert.That(Redactor.None.Text(text), Is.EqualTo(text));

    [Test]
    public async Task RunAsync_TargetAnswersALogLineWithAMintedToken_NoArtifactHoldsIt()
    {
        var outcome = await LeakRun.RunAsync("minted", x => x.RespondAsync(500, "Internal Server Error", "text/html",
            "<html><body><pre>POST /oauth/token -> issued refresh_token=rt-LEAK-0f1e2d3c access_token: at-LEAK-4b5a6978</pre></body></html>"),
            new Dictionary<string, string> { ["minted.token"] = "tok-4711", ["minted.allowMutation"] = "true" });

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(outcome.Lines, Has.Some.EqualTo("<html><body><pre>POST /oauth/token -> issued refresh_token=*** access_token: ***</pre></body></html>"), "the Allure response body");
    }

    [Test]
    public void InBody_TextBodyWithCredentialNamedPairs_TheirValues()
    {
        var values = ResponseSecrets.InBody("<p>refresh_token=rt-LEAK-0f1e2d3c token_type=Bearer</p>", "text/html", Redactor.IsCredentialName);

        Assert.That(values, Is.EqualTo(new[] { "rt-LEAK-0f1e2d3c" }));
    }
}
