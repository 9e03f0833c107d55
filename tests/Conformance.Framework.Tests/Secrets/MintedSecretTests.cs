using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// A target may answer with credentials of its own making: an OAuth token endpoint's access and refresh tokens, a
/// session cookie, a token header. They are live staging credentials; checks that quote them, and the Allure response,
/// mask them as they mask the run's own secrets.
/// </summary>
public sealed class MintedSecretTests
{
    [Test]
    public async Task RunAsync_TokenEndpointAnswersMintedTokens_NoReportHoldsThem()
    {
        var outcome = await LeakRun.RunAsync("minted", MintAsync, new Dictionary<string, string> { ["minted.token"] = "tok-4711", ["minted.allowMutation"] = "true" });

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(Checks(outcome, "minted / create_token / valid -> 200"), Is.EqualTo(new[]
        {
            "/access_token: expected a value matching \"^nope$\", received \"***\"",
            "/refresh_token: expected to be absent, but it is \"***\"",
        }));
        Assert.That(outcome.Lines, Has.Some.EqualTo("\"access_token\": \"***\","), "the Allure response body");
        Assert.That(outcome.Lines, Has.Some.EqualTo("\"token_type\": \"Bearer\","), "a short value under a credential's name is no credential");
    }

    [Test]
    public async Task RunAsync_TargetSetsASessionCookieAndTokenHeader_CheckMessagesMaskThem()
    {
        var outcome = await LeakRun.RunAsync("minted", MintAsync, new Dictionary<string, string> { ["minted.token"] = "tok-4711", ["minted.allowMutation"] = "true" });

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(Checks(outcome, "minted / login / valid -> 200"), Is.EqualTo(new[]
        {
            "Set-Cookie: expected absent, received 'session=***; Path=/; Domain=127.0.0.1; HttpOnly'",
            "X-Session-Token: expected matching \"^nope$\", received '***'",
        }));
    }

    [Test]
    public async Task RunAsync_TokenEndpointAnswersAForm_NoReportHoldsTheToken()
    {
        // Older OAuth endpoints (GitHub's without Accept: application/json) answer access_token=...&scope=...&token_type=bearer.
        var outcome = await LeakRun.RunAsync("minted", x => x.RespondAsync(200, "OK", "application/x-www-form-urlencoded", "access_token=gho_minted-LEAK-9a8b&scope=repo&token_type=bearer"),
            new Dictionary<string, string> { ["minted.token"] = "tok-4711", ["minted.allowMutation"] = "true" });

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(outcome.Lines, Has.Some.EqualTo("access_token=***&scope=repo&token_type=***"), "the Allure response body");
    }

    private static List<string> Checks(LeakOutcome outcome, string caseName) =>
        outcome.Results.Single(r => r.CaseName == caseName).Checks.Where(c => c.Outcome == Conformance.Checks.Outcome.Failed).SelectMany(c => c.Details).ToList();

    private static Task MintAsync(HostileExchange x) => x.Request.Path switch
    {
        "/oauth/token" => x.RespondAsync(200, "OK", "application/json", """{"access_token":"eyJ.minted-LEAK-a1b2c3d4","refresh_token":"rt-minted-LEAK-e5f6","token_type":"Bearer","expires_in":3600}"""),
        _ => x.RespondAsync(200, "OK", "application/json", "{}", "Set-Cookie: session=minted-LEAK-c00k1e; Path=/; Domain=127.0.0.1; HttpOnly", "X-Session-Token: minted-LEAK-h3ad3r"),
    };
}
