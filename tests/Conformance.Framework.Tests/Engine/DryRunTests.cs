using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Engine;

/// <summary><c>conformance.dryRun=true</c>: every case says what it would send, masked, and the target sees nothing.</summary>
public sealed class DryRunTests
{
    private const string Token = "demo-secret-token";

    [Test]
    public async Task RunAsync_DryRun_NothingSentEveryCaseSkippedWithItsRequest()
    {
        var requests = 0;
        await using var server = HostileServer.Start(x =>
        {
            Interlocked.Increment(ref requests);
            return x.RespondAsync(200, "OK", "application/json", "{}");
        });

        var results = await EngineHarness.RunAsync(server.BaseUri, new Dictionary<string, string> { ["conformance.dryRun"] = "true" });

        var valid = EngineHarness.Case(results, "demo / get_thing / valid -> 200");
        Assert.Multiple(() =>
        {
            Assert.That(requests, Is.Zero);
            Assert.That(results.Select(r => r.Verdict), Has.All.EqualTo(Verdict.Skipped));
            Assert.That(valid.Message, Is.EqualTo($"Dry run (conformance.dryRun=true): nothing sent; would send: curl -i -X GET '{server.BaseUri}things/1' -H 'Accept: application/json' -H 'Authorization: ***'"));
            Assert.That(results.Select(r => r.Message + r.Curl), Has.None.Contain(Token));
        });
    }

    [TestCase("true")]
    [TestCase("false")]
    public async Task RunAsync_BaseUrlWithUserInfo_PasswordMaskedInMessagesAndCurlLines(string dryRun)
    {
        await using var server = HostileServer.Start(x => x.RespondAsync(500, "Oops", "application/json", "{}"));
        var withUser = new UriBuilder(server.BaseUri) { UserName = "qa", Password = "Sup3r$ecret" }.Uri;

        var results = await EngineHarness.RunAsync(withUser, new Dictionary<string, string> { ["conformance.dryRun"] = dryRun });

        var valid = EngineHarness.Case(results, "demo / get_thing / valid -> 200");
        Assert.Multiple(() =>
        {
            Assert.That(valid.Curl, Does.StartWith($"curl -i -X GET 'http://***@127.0.0.1:{server.BaseUri.Port}/things/1'"));
            Assert.That(results.Select(r => r.Message + r.Curl), Has.None.Contain("Sup3r"));
        });
    }

    [Test]
    public async Task RunAsync_DryRunOnATargetThatForbidsMutation_SaysTheMutatingProbeWouldNotBeSent()
    {
        await using var server = HostileServer.Start(x => x.RespondAsync(200, "OK", "application/json", "{}"));

        var results = await EngineHarness.RunAsync(server.BaseUri, new Dictionary<string, string> { ["conformance.dryRun"] = "true", ["demo.allowMutation"] = "false" });

        Assert.Multiple(() =>
        {
            Assert.That(EngineHarness.Case(results, "demo / get_thing / wrong_method(method=DELETE) -> 405").Message, Does.StartWith(
                $"Dry run (conformance.dryRun=true): nothing sent; would not send it (DELETE would mutate 127.0.0.1, and demo.allowMutation is not true): curl -i -X DELETE"));
            Assert.That(EngineHarness.Case(results, "demo / create_thing / valid -> 201").Message, Does.StartWith("Skipped: operation 'create_thing' mutates"));
        });
    }

    [Test]
    public async Task RunAsync_DryRunOfABurst_SaysHowManyItWouldSend()
    {
        await using var server = HostileServer.Start(x => x.RespondAsync(200, "OK", "application/json", "{}"));
        var burst = EngineHarness.Demo.Rows[0] with { ScenarioId = "rate_limit", With = new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["burst"] = "7" }, Expected = [429] };

        var result = (await EngineHarness.RunRowsAsync(EngineHarness.Demo, [burst], new Dictionary<string, string> { ["demo.baseUrl"] = server.BaseUri.ToString(), ["demo.token"] = Token, ["conformance.dryRun"] = "true" }))[0];

        Assert.That(result.Message, Does.EndWith("-H 'Accept: application/json' -H 'Authorization: ***' (a burst: this request up to 7 times in a row, until the first 429)"));
    }

    [Test]
    public async Task RunAsync_DryRunNotASwitch_EveryCaseBrokenNamingTheSetting()
    {
        await using var server = HostileServer.Start(x => x.RespondAsync(200, "OK", "application/json", "{}"));

        var results = await EngineHarness.RunAsync(server.BaseUri, new Dictionary<string, string> { ["conformance.dryRun"] = "yes" });

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Has.All.EqualTo(Verdict.Broken));
            Assert.That(results[0].Message, Does.Contain("runsettings:conformance.dryRun(1,1): error CT0303: 'yes' is not true or false, conformance.dryRun (or CONFORMANCE_CONFORMANCE_DRYRUN) is a switch. Fix: Give the setting a value of the type the message names."));
        });
    }
}
