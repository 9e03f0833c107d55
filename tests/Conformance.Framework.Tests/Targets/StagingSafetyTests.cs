using Conformance.Contracts;
using Conformance.Diagnostics;
using Conformance.Framework.Tests.Engine;
using Conformance.Reporting;
using Conformance.Targets;
using static Conformance.Framework.Tests.Engine.EngineHarness;

namespace Conformance.Framework.Tests.Targets;

public sealed class StagingSafetyTests
{
    [Test]
    public async Task RunAsync_HostNotAllowed_RefusedBeforeAnyRequest()
    {
        await using var server = await DemoServer.StartAsync();
        var results = await RunAsync(server.BaseUri, new() { ["conformance.allowedHosts"] = "staging.example.com" });
        Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Broken));
        Assert.That(results[0].Message, Is.EqualTo("Invalid target settings, no probe was sent:" + Environment.NewLine + "runsettings:demo.baseUrl(1,1): error CT0302: Host '127.0.0.1' is not in conformance.allowedHosts (staging.example.com), no request is sent to a host the run does not allow. Fix: Add the host to conformance.allowedHosts, or point the pack at an allowed host."));
        Assert.That(server.Requests, Is.Zero);
    }

    [Test]
    public async Task RunAsync_AllowedHostsGivenAsTheBaseUrl_CT0303NamesTheHostAndNothingSent()
    {
        await using var server = await DemoServer.StartAsync();
        var results = await RunAsync(server.BaseUri, new() { ["conformance.allowedHosts"] = server.BaseUri.ToString() });

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Broken));
            Assert.That(results[0].Message, Is.EqualTo("Invalid run settings, no probe was sent:" + Environment.NewLine + $"runsettings:conformance.allowedHosts(1,1): error CT0303: '{server.BaseUri}' is a URL, not a host name, conformance.allowedHosts (or CONFORMANCE_CONFORMANCE_ALLOWEDHOSTS) lists host names, each compared with the host of a base URL or token URL alone, so this entry would match none. Fix: Write its host alone: did you mean '127.0.0.1'?"));
            Assert.That(server.Requests, Is.Zero);
        });
    }

    [Test]
    public async Task RunAsync_BadTargetNumbers_EveryErrorListedAndNothingSent()
    {
        await using var server = await DemoServer.StartAsync();
        var results = await RunAsync(server.BaseUri, new() { ["demo.concurrency"] = "many", ["demo.requestsPerSecond"] = "-1" });

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Broken));
            Assert.That(results[0].Message.Split(Environment.NewLine), Is.EqualTo(new[]
            {
                "Invalid target settings, no probe was sent:",
                "runsettings:demo.concurrency(1,1): error CT0303: 'many' is not a non-negative number, demo.concurrency (or CONFORMANCE_DEMO_CONCURRENCY) takes a number. Fix: Give the setting a value of the type the message names.",
                "runsettings:demo.requestsPerSecond(1,1): error CT0303: '-1' is not a non-negative number, demo.requestsPerSecond (or CONFORMANCE_DEMO_REQUESTSPERSECOND) takes a number. Fix: Give the setting a value of the type the message names.",
            }));
            Assert.That(server.Requests, Is.Zero, "a bad value is not replaced by its default");
        });
    }

    [Test]
    public void ReadRun_SeveralBadSettings_EveryErrorListed()
    {
        var values = new Dictionary<string, string> { ["conformance.timeoutSeconds"] = "soon", ["conformance.requestBudget"] = "-4", ["conformance.maxRetries"] = "x" };
        var errors = new List<Diagnostic>();
        TargetResolver.ReadRun(new SettingsSource(values.GetValueOrDefault, _ => null), errors);
        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "runsettings:conformance.timeoutSeconds(1,1): error CT0303: 'soon' is not a non-negative number, conformance.timeoutSeconds (or CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) takes a number. Fix: Give the setting a value of the type the message names.",
            "runsettings:conformance.requestBudget(1,1): error CT0303: '-4' is not a non-negative number, conformance.requestBudget (or CONFORMANCE_CONFORMANCE_REQUESTBUDGET) takes a number. Fix: Give the setting a value of the type the message names.",
            "runsettings:conformance.maxRetries(1,1): error CT0303: 'x' is not a non-negative number, conformance.maxRetries (or CONFORMANCE_CONFORMANCE_MAXRETRIES) takes a number. Fix: Give the setting a value of the type the message names.",
        }));
    }

    [Test]
    public void Get_EnvironmentAndRunsettings_EnvironmentWins()
    {
        var env = new Dictionary<string, string> { ["CONFORMANCE_DEMO_TOKEN"] = "from-env" };
        var source = new SettingsSource(name => name == "demo.token" ? "from-file" : null, env.GetValueOrDefault);
        Assert.That((source.Get("demo", "token"), source.Get("demo", "baseUrl")), Is.EqualTo(("from-env", (string?)null)));
    }

    [Test]
    public async Task RunAsync_RequestBudgetSpent_LaterCasesBrokenAndNotSent()
    {
        await using var server = await DemoServer.StartAsync();
        var results = await RunAsync(server.BaseUri, new() { ["conformance.requestBudget"] = "3", ["demo.concurrency"] = "1" });
        Assert.That(server.Requests, Is.EqualTo(3));
        var broken = results.Where(r => r.Verdict == Verdict.Broken).ToList();
        Assert.That(broken, Has.Count.EqualTo(4));
        Assert.That(broken[0].Message, Does.StartWith("Not sent (budget): The run's request budget (3) is spent; no request was sent." + Environment.NewLine + "Reproduce: curl -i -X GET '"));
    }

    [Test]
    public async Task RunAsync_ConcurrencyOne_NeverTwoRequestsInFlight()
    {
        var faults = new DemoFaults { Delay = TimeSpan.FromMilliseconds(50) };
        await using var server = await DemoServer.StartAsync(faults);
        await RunAsync(server.BaseUri, new() { ["demo.concurrency"] = "1" });
        Assert.That(faults.MaxInFlight, Is.EqualTo(1));
    }

    [Test]
    public async Task RunAsync_ConcurrencyFour_RequestsOverlap()
    {
        var faults = new DemoFaults { Delay = TimeSpan.FromMilliseconds(200) };
        await using var server = await DemoServer.StartAsync(faults);
        await RunAsync(server.BaseUri, new() { ["demo.concurrency"] = "4" });
        Assert.That(faults.MaxInFlight, Is.InRange(2, 4));
    }
}
