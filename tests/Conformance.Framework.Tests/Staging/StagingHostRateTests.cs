using Conformance.Contracts;
using Conformance.Framework.Tests.Targets;
using Conformance.Reporting;
using Microsoft.Extensions.Time.Testing;
using static Conformance.Framework.Tests.Staging.StagingRun;
using static Conformance.Framework.Tests.Targets.StartLog;

namespace Conformance.Framework.Tests.Staging;

/// <summary>
/// <c>conformance.hostRequestsPerSecond</c>: one rate per target host, shared by every API on it, on top of each API's
/// own. On a fake clock (the run's), noted where the requests arrive: the exact time of each (<see cref="StartLog"/>).
/// </summary>
public sealed class StagingHostRateTests
{
    internal static LoadedPack Other { get; } = Named("other");

    [Test]
    public async Task RunAsync_TwoApisOnOneHostWithAHostRate_TheHostSeesNoMoreThanIt()
    {
        await using var gateway = StagingGateway.Start();
        var settings = TwoApis(gateway, gateway);
        settings["conformance.hostRequestsPerSecond"] = "5";
        var (time, log) = Noted(gateway);
        // 5 a second for the host. Each API alone may send 5 a second, so without the host's rate 10 go at 0 s (2 APIs, 8 each).
        var expected = At(0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000, 2000, 2000, 2000, 2000, 2000, 3000);

        var running = RunAsync([Pack, Other], settings, time, [.. Times(Valid("item"), 8), .. Times(OtherItem, 8)]);
        await log.WalkAsync(expected);
        var results = await running;

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Passed));
            Assert.That(log.Starts, Is.EqualTo(expected), "conformance.hostRequestsPerSecond=5 for both APIs together: " + Shown(log.Starts));
        });
    }

    [Test]
    public async Task RunAsync_TwoApisOnTwoHostsWithAHostRate_NeitherWaitsForTheOther()
    {
        await using var first = StagingGateway.Start();
        await using var second = StagingGateway.Start();
        var settings = TwoApis(first, second);
        settings["conformance.hostRequestsPerSecond"] = "0.2"; // one request every 5 s per host
        var (time, log) = Noted(first);
        second.Arrived = _ => log.Record();
        var expected = At(0, 0); // on one host the second would start 5 s after the first

        var running = RunAsync([Pack, Other], settings, time, [Valid("item"), OtherItem]);
        await log.WalkAsync(expected);
        var results = await running;

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Passed));
            Assert.That((first.Requests, second.Requests), Is.EqualTo((1, 1)));
            Assert.That(log.Starts, Is.EqualTo(expected), "127.0.0.1 on two ports is two hosts: " + Shown(log.Starts));
        });
    }

    [Test]
    public async Task RunAsync_TokenUrlOnTheApisHost_TheTokenRequestCountsForTheHost()
    {
        var issued = 0;
        await using var gateway = StagingGateway.StartWithTokenEndpoint(
            x => x.RespondAsync(200, "OK", "application/json", $$"""{"access_token":"tok-{{Interlocked.Increment(ref issued)}}","token_type":"Bearer","expires_in":3600}"""), null);
        var settings = Settings(gateway);
        settings.Remove("staging.token");
        settings["staging.tokenUrl"] = $"{gateway.BaseUri}oauth/token";
        settings["staging.clientId"] = "qa-runner";
        settings["staging.clientSecret"] = "client-secret-77";
        settings["staging.requestsPerSecond"] = "0";
        settings["conformance.hostRequestsPerSecond"] = "1";
        var (time, log) = Noted(gateway);
        var expected = At(0, 1000); // 1 a second: the probe starts 1 s after the token request (without its pacing, at once)

        var running = RunAsync(settings, time, [Valid("item")]);
        await log.WalkAsync(expected);
        var result = (await running).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
            Assert.That((gateway.TokenRequests, gateway.Requests), Is.EqualTo((1, 2)));
            Assert.That(log.Starts, Is.EqualTo(expected), "the token request and the probe, 1 s apart: " + Shown(log.Starts));
        });
    }

    [Test]
    public async Task RunAsync_DryRunWithAHostRateOfOneRequestAnHour_NothingSentAndNoWait()
    {
        await using var gateway = StagingGateway.Start();
        var settings = TwoApis(gateway, gateway);
        settings["conformance.dryRun"] = "true";
        settings["conformance.hostRequestsPerSecond"] = "0.0002";
        settings["conformance.hostConcurrency"] = "1";

        var results = await RunAsync([Pack, Other], settings, new FakeTimeProvider(), [.. Times(Valid("item"), 3), .. Times(OtherItem, 3)])
            .WaitAsync(TimeSpan.FromSeconds(60)); // a wait on the pacer would never end: the fake clock is not moved

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Skipped));
            Assert.That(results.Select(r => r.Message), Is.All.StartWith("Dry run (conformance.dryRun=true): nothing sent; would send: curl -i -X GET "));
            Assert.That(gateway.Requests, Is.Zero);
        });
    }

    /// <summary>The 'other' API's <c>valid</c> row of item.</summary>
    internal static Conformance.Tables.StatusRow OtherItem => Other.Rows.Single(r => r.Id == Valid("item").Id);

    /// <summary>The staging settings for the staging pack on <paramref name="first"/> and its copy 'other' on <paramref name="second"/>, each 5 a second and 2 at a time.</summary>
    internal static Dictionary<string, string> TwoApis(StagingGateway first, StagingGateway second)
    {
        var settings = Settings(first);
        settings["other.baseUrl"] = second.BaseUri.ToString();
        settings["other.token"] = "other-token-0002";
        settings["other.requestsPerSecond"] = "5";
        settings["other.concurrency"] = "2";
        return settings;
    }

    /// <summary>A fake clock for the run and a log of when requests arrive at <paramref name="gateway"/> on it.</summary>
    internal static (FakeTimeProvider Time, StartLog Log) Noted(StagingGateway gateway)
    {
        var time = new FakeTimeProvider();
        var log = new StartLog(time);
        gateway.Arrived = _ => log.Record();
        return (time, log);
    }
}
