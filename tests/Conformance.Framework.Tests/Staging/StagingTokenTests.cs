using Conformance.Framework.Tests.Engine;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;
using static Conformance.Framework.Tests.Staging.StagingRun;

namespace Conformance.Framework.Tests.Staging;

/// <summary>
/// A fetched OAuth token on a staging gateway: one that expires mid-run (401, <c>WWW-Authenticate: Bearer
/// error="invalid_token"</c>) is renewed once and the case sent once more, never in a loop; a token endpoint that is down
/// or stalls breaks every case of its API with the reason, while another API of the run passes.
/// </summary>
public sealed class StagingTokenTests
{
    [Test]
    public async Task RunAsync_TokenExpiresMidRun_RenewedOnceAndOnlyTheRefusedCaseSentAgain()
    {
        var firstUses = 0;
        await using var api = Issuing(auth => auth == "Bearer tok-2" || (auth == "Bearer tok-1" && Interlocked.Increment(ref firstUses) <= 3));
        var item = Valid("item");

        var results = await RunAsync(OAuth(api), new InstantTime(), Times(item, 3), [item with { Id = "after-1" }], [item with { Id = "after-2" }]);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Passed), string.Join(Environment.NewLine, results.Select(r => r.Message)));
            Assert.That(results.Select(r => r.Retried.Count), Is.EqualTo(new[] { 0, 0, 0, 1, 0 }));
            Assert.That(results[3].Message.Split(Environment.NewLine), Has.Some.EqualTo("RETRIED with a new token after 401 Unauthorized to the fetched one (the first answer is kept here; the verdict is on the retry)"));
            Assert.That(api.TokenRequests, Is.EqualTo(2));
            Assert.That(api.Requests - api.TokenRequests, Is.EqualTo(6), "3 with the first token, the refused case twice, the last case once");
        });
    }

    [Test]
    public async Task RunAsync_EveryTokenRefused_OneRenewalAndNoLoop()
    {
        await using var api = Issuing(_ => false);
        var item = Valid("item");

        var results = await RunAsync(OAuth(api), new InstantTime(), [item], [item with { Id = "later" }]);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Failed));
            Assert.That(results.Select(r => r.Message.Split(Environment.NewLine)[1]), Is.All.EqualTo("FAILED status_code_conformance: Status code mismatch / Expected: 200 (OK) / Received: 401 (not in the documentation)"));
            Assert.That(api.TokenRequests, Is.EqualTo(2), "a token fetched after a 401 is not replaced on its own 401");
            Assert.That(api.Requests - api.TokenRequests, Is.EqualTo(3), "the first case twice, the second once");
        });
    }

    [Test]
    public async Task RunAsync_TokenEndpointDown_EveryCaseOfThatApiBrokenAndTheOtherApiPasses()
    {
        using var closed = new ClosedPort();
        await using var gateway = StagingGateway.Start();
        await using var demo = await DemoServer.StartAsync();
        var tokenUrl = $"http://127.0.0.1:{closed.Port}/oauth/token";

        var (staging, other) = await RunWithDemoAsync(gateway, demo, tokenUrl);

        Assert.Multiple(() =>
        {
            Assert.That(staging.Select(r => r.Message), Is.All.EqualTo(
                $"No credential, no probe was sent: Token request failed after 3 attempts: POST {tokenUrl} got no answer (refused): Connection refused by 127.0.0.1:{closed.Port}: nothing listens there. Check staging.tokenUrl (CONFORMANCE_STAGING_TOKENURL)." + Environment.NewLine +
                $"Reproduce: curl -i -X POST '{tokenUrl}' -H 'Accept: application/json' -H 'Authorization: ***' -H 'Content-Type: application/x-www-form-urlencoded' --data-raw 'grant_type=client_credentials'"));
            Assert.That(staging.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Broken));
            Assert.That(gateway.Requests, Is.Zero);
            Assert.That(other.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Passed), string.Join(Environment.NewLine, other.Select(r => r.Message)));
        });
    }

    [Test]
    public async Task RunAsync_TokenEndpointStalls_EveryCaseOfThatApiBrokenAndTheOtherApiNeverWaits()
    {
        await using var stalling = StagingGateway.StartWithTokenEndpoint(x => Task.Delay(Timeout.Infinite, x.Stopping), null);
        await using var demo = await DemoServer.StartAsync();
        var tokenUrl = $"{stalling.BaseUri}oauth/token";

        var (staging, other) = await RunWithDemoAsync(stalling, demo, tokenUrl);

        Assert.Multiple(() =>
        {
            Assert.That(staging.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Broken));
            Assert.That(staging.Select(r => r.Message.Split(Environment.NewLine)[0]), Is.All.EqualTo(
                $"No credential, no probe was sent: Token request failed after 3 attempts: POST {tokenUrl} got no answer (timeout): No complete response from {stalling.BaseUri.Authority} within 1 s. Check staging.tokenUrl (CONFORMANCE_STAGING_TOKENURL), or raise conformance.timeoutSeconds (CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) if it is that slow."));
            Assert.That(stalling.TokenRequests, Is.EqualTo(3), "3 attempts for the run, not 3 per case");
            Assert.That(stalling.Requests, Is.EqualTo(3), "no probe of that API was sent");
            Assert.That(other.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Passed));
            Assert.That(other.Max(r => r.Duration), Is.LessThan(staging.Min(r => r.Duration)), "the other API's cases did not wait for the token");
        });
    }

    [Test]
    public async Task RunAsync_TokenEndpointRetryAfterBeyondTimeSpan_WaitsMaxRetryWaitAndFetches()
    {
        var answers = 0;
        await using var api = StagingGateway.StartWithTokenEndpoint(
            x => Interlocked.Increment(ref answers) == 1
                ? x.RespondAsync(503, "Service Unavailable", "application/json", """{"error":"temporarily_unavailable"}""", "Retry-After: 99999999999999999999")
                : x.RespondAsync(200, "OK", "application/json", """{"access_token":"tok-1","expires_in":3600}"""),
            null);
        var time = new InstantTime();

        var result = (await RunAsync(OAuth(api), time, [Valid("item")])).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
            Assert.That(time.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(10) }), "a valid delta-seconds too large for a TimeSpan is a long wait, capped");
            Assert.That(api.TokenRequests, Is.EqualTo(2));
        });
    }

    /// <summary>The staging pack through <paramref name="gateway"/> with its token from <paramref name="tokenUrl"/>, and the demo pack on <paramref name="demo"/>, in one run.</summary>
    private static async Task<(List<CaseResult> Staging, List<CaseResult> Other)> RunWithDemoAsync(StagingGateway gateway, DemoServer demo, string tokenUrl)
    {
        var settings = OAuth(gateway);
        settings["staging.tokenUrl"] = tokenUrl;
        settings["conformance.timeoutSeconds"] = "1";
        settings["demo.baseUrl"] = demo.BaseUri.ToString();
        settings["demo.token"] = "demo-secret-token";
        settings["demo.allowMutation"] = "true";
        var results = await RunAsync([Pack, EngineHarness.Demo], settings, new InstantTime(), [Valid("item"), .. Rows("gzip", "problem"), .. EngineHarness.Demo.Rows]);
        return ([.. results.Where(r => r.Api == "staging")], [.. results.Where(r => r.Api == "demo")]);
    }

    /// <summary>The staging template's settings with the token fetched from the gateway's /oauth/token (client credentials).</summary>
    private static Dictionary<string, string> OAuth(StagingGateway gateway)
    {
        var settings = Settings(gateway);
        settings.Remove("staging.token");
        settings["staging.tokenUrl"] = $"{gateway.BaseUri}oauth/token";
        settings["staging.clientId"] = "qa-runner";
        settings["staging.clientSecret"] = "client-secret-77";
        return settings;
    }

    /// <summary>A gateway whose token endpoint hands out tok-1, tok-2, ... (an hour each), and whose API takes what <paramref name="accepts"/> says.</summary>
    private static StagingGateway Issuing(Func<string, bool> accepts)
    {
        var issued = 0;
        return StagingGateway.StartWithTokenEndpoint(
            x => x.RespondAsync(200, "OK", "application/json", $$"""{"access_token":"tok-{{Interlocked.Increment(ref issued)}}","token_type":"Bearer","expires_in":3600}"""),
            accepts);
    }
}
