using System.Collections.Concurrent;
using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// The order of the refusals before anything is sent: a probe that would mutate a target without
/// <c>allowMutation</c> is skipped for that reason, whether its operation mutates (a POST) or only the probe does (a
/// wrong_method DELETE on a GET), before a missing token (CT0304) or a token request is looked at.
/// </summary>
public sealed class RefusalOrderTests
{
    private const string WrongMethod = "demo / get_thing / wrong_method(method=DELETE) -> 405";

    [TestCase(null)]
    [TestCase("demo-secret-token")]
    public async Task RunAsync_WrongMethodDeleteOnAGetWithoutAllowMutation_SkippedAsMutatingWithOrWithoutToken(string? token)
    {
        var requests = 0;
        await using var server = HostileServer.Start(x =>
        {
            Interlocked.Increment(ref requests);
            return x.RespondAsync(405, "Method Not Allowed", "application/json", """{"code":"METHOD","message":"no"}""");
        });
        var settings = new Dictionary<string, string> { ["demo.baseUrl"] = server.BaseUri.ToString() };
        if (token is not null)
        {
            settings["demo.token"] = token;
        }

        var result = await RunAsync(settings, WrongMethod);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Skipped));
            Assert.That(result.Message, Is.EqualTo("Skipped: DELETE would mutate 127.0.0.1, and demo.allowMutation is not true; to send it, set demo.allowMutation=true (or CONFORMANCE_DEMO_ALLOWMUTATION=true) where the run may change the target's data"));
            Assert.That(requests, Is.Zero);
        });
    }

    [Test]
    public async Task RunAsync_WrongMethodDeleteOnATargetWhoseTokenIsFetched_SkippedWithoutATokenRequest()
    {
        var paths = new ConcurrentQueue<string>();
        await using var server = HostileServer.Start(x =>
        {
            paths.Enqueue(x.Request.Path);
            return x.RespondAsync(401, "Unauthorized", "application/json", """{"error":"invalid_client"}""");
        });
        var settings = new Dictionary<string, string>
        {
            ["demo.baseUrl"] = server.BaseUri.ToString(),
            ["demo.tokenUrl"] = $"{server.BaseUri}oauth/token",
            ["demo.clientId"] = "qa",
            ["demo.clientSecret"] = "s3cret",
        };

        var result = await RunAsync(settings, WrongMethod);

        Assert.Multiple(() =>
        {
            Assert.That(result.Message, Is.EqualTo("Skipped: DELETE would mutate 127.0.0.1, and demo.allowMutation is not true; to send it, set demo.allowMutation=true (or CONFORMANCE_DEMO_ALLOWMUTATION=true) where the run may change the target's data"));
            Assert.That(paths, Is.Empty, "no token is fetched for a probe that is not sent");
        });
    }

    [Test]
    public async Task RunAsync_DryRunWrongMethodDeleteWithoutToken_SaysItWouldNotSendItRatherThanCT0304()
    {
        await using var server = HostileServer.Start(_ => throw new AssertionException("a dry run sends nothing"));

        var result = await RunAsync(new Dictionary<string, string> { ["demo.baseUrl"] = server.BaseUri.ToString(), ["conformance.dryRun"] = "true" }, WrongMethod);

        Assert.That(result.Message, Is.EqualTo($"Dry run (conformance.dryRun=true): nothing sent; would not send it (DELETE would mutate 127.0.0.1, and demo.allowMutation is not true): curl -i -X DELETE '{server.BaseUri}things/1' -H 'Accept: application/json'"));
    }

    [Test]
    public async Task RunAsync_ShippedPacksWithoutTokensOrAllowMutation_TheElevenProbesThatMutateOnANonMutatingOperationSkippedNotCT0304()
    {
        using var closed = new Hostile.ClosedPort();
        var contracts = PackLoader.LoadAll(Path.Combine(RepoPaths.Root(), "contracts"), RepoPaths.Root());
        var settings = contracts.Packs.Where(p => p.Pack is not null).ToDictionary(p => $"{p.Name}.baseUrl", _ => $"http://127.0.0.1:{closed.Port}/", StringComparer.Ordinal);
        using var run = new ConformanceRun(contracts, new SettingsSource(settings.GetValueOrDefault, _ => null), null);
        var rows = contracts.Packs.Where(p => p.Pack is not null).SelectMany(p => p.Rows).ToList();

        var results = await Task.WhenAll(rows.Select(r => run.Runner.RunAsync(r, CancellationToken.None)));

        var probeMutates = results.Where(r => r.Message.StartsWith("Skipped: ", StringComparison.Ordinal) && r.Message.Contains(" would mutate ", StringComparison.Ordinal)).ToList();
        var missing = results.Where(r => r.Message.Contains("error CT0304", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(missing.Select(r => r.CaseName), Has.None.Contain("wrong_method"), "a DELETE/POST sent to a GET path is refused as mutating");
            Assert.That(probeMutates.Select(r => r.CaseName), Is.EquivalentTo(new[]
            {
                "callrail / list_calls / wrong_method -> 405",
                "callrail / get_call / wrong_method(method=POST) -> 405",
                "fonedynamics / list_numbers / wrong_method -> 400",
                "notes / get_report_result / wrong_method(method=POST) -> 405",
                "notes / list_payments / wrong_method(method=POST) -> 501",
                "ranges / list_projects / wrong_method -> 405",
                "ringcentral / get_extension / wrong_method -> 405",
                "ringcentral / legacy_send_sms / valid -> 307", // a POST marked mutates: false is still a POST to the guard
                "ringcentral / legacy_update_extension / valid -> 308",
                "ringcentral / legacy_send_sms / follow_redirect -> 200",
                "ringcentral / legacy_update_extension / follow_redirect -> 200",
            }));
            Assert.That(probeMutates.Select(r => r.Exchange), Has.All.Null, "nothing was sent");
        });
    }

    private static async Task<CaseResult> RunAsync(Dictionary<string, string> settings, string caseName) =>
        (await EngineHarness.RunRowsAsync(EngineHarness.Demo, EngineHarness.Demo.Rows.Where(r => r.CaseName == caseName), settings)).Single();
}
