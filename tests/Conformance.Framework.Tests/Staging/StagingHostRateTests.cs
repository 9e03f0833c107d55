using Conformance.Contracts;
using Conformance.Framework.Tests.Engine;
using Conformance.Reporting;
using static Conformance.Framework.Tests.Staging.StagingRun;

namespace Conformance.Framework.Tests.Staging;

/// <summary>
/// <c>conformance.hostRequestsPerSecond</c>: one rate per target host, shared by every API on it, on top of each API's
/// own. Measured where the requests arrive, with margins for a request held up on a loaded machine.
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

        var results = await RunAsync([Pack, Other], settings, new InstantTime(), [.. Times(Valid("item"), 8), .. Times(OtherItem, 8)]);

        var arrivals = gateway.Arrivals.Order().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Passed));
            Assert.That(arrivals, Has.Count.EqualTo(16));
            // 5 a second for the host: the 16th starts 3 s after the 1st. Each API alone may send 5 a second, so without
            // the host's rate the 16 go within about 1 s (2 APIs, 8 each). 0.8 s of margin for the first to arrive late.
            Assert.That(arrivals[^1] - arrivals[0], Is.GreaterThan(2.2), "conformance.hostRequestsPerSecond=5 for both APIs together: " + Shown(arrivals));
        });
    }

    [Test]
    public async Task RunAsync_TwoApisOnTwoHostsWithAHostRate_NeitherWaitsForTheOther()
    {
        await using var first = StagingGateway.Start();
        await using var second = StagingGateway.Start();
        var settings = TwoApis(first, second);
        settings["conformance.hostRequestsPerSecond"] = "0.2"; // one request every 5 s per host

        var results = await RunAsync([Pack, Other], settings, new InstantTime(), [Valid("item"), OtherItem]);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Passed));
            Assert.That((first.Requests, second.Requests), Is.EqualTo((1, 1)));
            // On one host the second would start 5 s after the first; the clocks of the two gateways started together.
            Assert.That(Math.Abs(first.Arrivals.Single() - second.Arrivals.Single()), Is.LessThan(4), "127.0.0.1 on two ports is two hosts");
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

        var result = (await RunAsync(settings, new InstantTime(), [Valid("item")])).Single();

        var arrivals = gateway.Arrivals.Order().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
            Assert.That((gateway.TokenRequests, arrivals.Count), Is.EqualTo((1, 2)));
            // 1 a second: the probe starts 1 s after the token request (without its pacing, at once).
            Assert.That(arrivals[1] - arrivals[0], Is.GreaterThan(0.6), "the token request and the probe, 1 s apart: " + Shown(arrivals));
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

        var results = await RunAsync([Pack, Other], settings, new InstantTime(), [.. Times(Valid("item"), 3), .. Times(OtherItem, 3)])
            .WaitAsync(TimeSpan.FromSeconds(60)); // a wait on the pacer would be an hour for the second request

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

    private static string Shown(IEnumerable<double> arrivals) =>
        string.Join(" ", arrivals.Select(a => a.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)));
}
