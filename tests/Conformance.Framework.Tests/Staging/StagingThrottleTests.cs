using System.Globalization;
using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Framework.Tests.Engine;
using Conformance.Framework.Tests.Hostile;
using Conformance.Framework.Tests.Targets;
using Conformance.Reporting;
using Conformance.Targets;
using static Conformance.Framework.Tests.Staging.StagingRun;

namespace Conformance.Framework.Tests.Staging;

/// <summary>
/// A gateway's throttling under the staging template's settings (2 bounded retries, at most 10 s each, 5 requests a
/// second, 2 at a time): Retry-After in seconds or as an HTTP-date is waited, a longer one than the run may wait is not
/// sent again early, and a gateway that throttles everything sees each case at most 1 + maxRetries times. Two tests keep
/// the system's clock and real time, measured where the requests arrive with margins, as a check of the pacing end to end:
/// a gateway that throttles everything, and ten cases after an idle spell.
/// </summary>
public sealed class StagingThrottleTests
{
    [Test]
    public async Task RunAsync_429WithRetryAfterInSeconds_WaitsThemAndTheRetryPasses()
    {
        await using var gateway = StagingGateway.Start();
        var time = new InstantTime();

        var result = (await RunAsync(Settings(gateway), time, Rows("throttled_seconds"))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
            Assert.That(result.Message.Split(Environment.NewLine), Has.Some.EqualTo("RETRIED after 429 Too Many Requests (Retry-After: 1) (the first answer is kept here; the verdict is on the retry)"));
            Assert.That(time.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(1) }));
            Assert.That(gateway.Requests, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task RunAsync_429WithRetryAfterAsHttpDate_WaitsUntilThatTime()
    {
        await using var gateway = StagingGateway.Start();
        var time = new InstantTime();

        var result = (await RunAsync(Settings(gateway), time, Rows("throttled_date"))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
            Assert.That(result.Retried.Single().Response!.Header("Retry-After"), Does.EndWith(" GMT"));
            // The date is 5 s after the answer, to the second, read a moment later: not the 1 s of an answer without Retry-After.
            Assert.That(time.Waits.Single(), Is.InRange(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5)));
            Assert.That(gateway.Requests, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task RunAsync_503WithoutRetryAfter_WaitsOneSecondAndTheRetryPasses()
    {
        await using var gateway = StagingGateway.Start();
        var time = new InstantTime();

        var result = (await RunAsync(Settings(gateway), time, Rows("unavailable"))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
            Assert.That(result.Message.Split(Environment.NewLine), Has.Some.EqualTo("RETRIED after 503 Service Unavailable (Retry-After: none) (the first answer is kept here; the verdict is on the retry)"));
            Assert.That(time.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(1) }));
            Assert.That(gateway.Requests, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task RunAsync_RetryAfterLongerThanMaxRetryWait_BrokenAtOnceAndNotSentAgain()
    {
        await using var gateway = StagingGateway.Start();
        var time = new InstantTime();

        var result = (await RunAsync(Settings(gateway), time, Rows("throttled_long"))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(result.Message, Is.EqualTo(
                "Inconclusive: 429 Too Many Requests with Retry-After: 120, longer than conformance.maxRetryWaitSeconds (10 s), so it was not sent again before the target allows; the target is throttling or unavailable" + Environment.NewLine +
                $"Reproduce: curl -i -X GET '{gateway.BaseUri}throttled-long' -H 'Authorization: ***'"));
            Assert.That(time.Waits, Is.Empty);
            Assert.That(gateway.Requests, Is.EqualTo(1), "a retry before Retry-After has passed is answered 429 again");
        });
    }

    [Test]
    public async Task RunAsync_RetryAfterDateBeyondMaxRetryWait_BrokenAtOnceAndNotSentAgain()
    {
        var later = DateTimeOffset.UtcNow.AddMinutes(5).ToString("R", CultureInfo.InvariantCulture);
        await using var gateway = StagingGateway.Start(x => x.RespondAsync(503, "Service Unavailable", "text/html", "<html>maintenance</html>", $"Retry-After: {later}"));
        var time = new InstantTime();

        var result = (await RunAsync(Settings(gateway), time, [Valid("item")])).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(result.Message, Does.StartWith($"Inconclusive: 503 Service Unavailable with Retry-After: {later}, longer than conformance.maxRetryWaitSeconds (10 s), so it was not sent again before the target allows; the target is throttling or unavailable" + Environment.NewLine + "Reproduce: "));
            Assert.That(time.Waits, Is.Empty);
            Assert.That(gateway.Requests, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task RunAsync_GatewayThrottlesEveryRequestBreakerOff_EachCaseSentAtMostThreeTimesWithinTheRateLimit()
    {
        await using var gateway = StagingGateway.Start(x => x.RespondAsync(429, "Too Many Requests", "text/html", "<html>429</html>", "Retry-After: 1"));
        var settings = Settings(gateway);
        settings["staging.allowMutation"] = "true";
        settings["conformance.circuitBreaker"] = "0"; // off: every case is sent (StagingBreakerTests pins it on)

        var results = await RunAsync(settings, TimeProvider.System, Pack.Rows);

        Assert.Multiple(() =>
        {
            Assert.That(results.Where(r => r.Row!.OperationId != "made_item").Select(r => r.Message.Split(Environment.NewLine)[0]), Is.All.EqualTo("Inconclusive: still 429 after 2 bounded retries; the target is throttling or unavailable"));
            Assert.That(results.Single(r => r.Row!.OperationId == "made_item").Message.Split(Environment.NewLine)[0], Is.EqualTo("Setup failed, no probe was sent: item answered 429 Too Many Requests, expected a 2xx, still after 2 bounded retries (conformance.maxRetries); the target is throttling or unavailable"));
            Assert.That(gateway.Requests, Is.EqualTo(3 * Pack.Rows.Count), "each case (or its setup) once and after each of its 2 bounded retries");
            // Measured where the requests arrive, so a request held up on a loaded machine can land next to the one after it:
            // the rate over the whole run (13 s) is held to 5 a second within 5%, and no 0.9 s window (nominally 5) holds more than one extra.
            var arrivals = gateway.Arrivals.Order().ToList();
            Assert.That((arrivals.Count - 1) / (arrivals[^1] - arrivals[0]), Is.LessThanOrEqualTo(5.25), "staging.requestsPerSecond=5 holds across all cases and retries (a 6 a second pacer is over it)");
            Assert.That(MostWithin(gateway.Arrivals, 0.9), Is.LessThanOrEqualTo(6), "no burst: a bucket refilled while idle sent 10 within 0.95 s");
        });
    }

    [Test]
    public async Task RunAsync_RequestsPerSecondUnderOne_RequestsThatFarApart()
    {
        await using var gateway = StagingGateway.Start();
        var settings = Settings(gateway);
        settings["staging.requestsPerSecond"] = "0.5";
        var (time, log) = StagingHostRateTests.Noted(gateway);
        var expected = StartLog.At(0, 2000, 4000);

        var running = RunAsync(settings, time, Times(Valid("item"), 3));
        await log.WalkAsync(expected);
        var results = await running;

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Passed));
            Assert.That(log.Starts, Is.EqualTo(expected), "0.5 a second: one request every 2 s, not one a second: " + StartLog.Shown(log.Starts));
        });
    }

    [Test]
    public async Task RunAsync_TenCasesAfterAnIdleSpell_NoMoreThanTheRateWithinASecond()
    {
        await using var gateway = StagingGateway.Start();
        var settings = Settings(gateway);
        settings["staging.concurrency"] = "10";
        using var run = new ConformanceRun(new ContractSet([Pack]), new SettingsSource(settings.GetValueOrDefault, _ => null), null);
        await Task.Delay(TimeSpan.FromSeconds(0.5)); // as between a run's start and its first case, or a retry's wait

        var results = await Task.WhenAll(Times(Valid("item"), 10).Select(r => run.Runner.RunAsync(r, CancellationToken.None)));

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Passed));
            Assert.That(MostWithin(gateway.Arrivals, 0.9), Is.EqualTo(5), "staging.requestsPerSecond=5: never more than 5 within a second");
        });
    }

    [Test]
    public async Task RunAsync_BudgetOverTwoApis_TheTargetsSeeNoMoreThanTheBudget()
    {
        await using var gateway = StagingGateway.Start();
        await using var demo = await DemoServer.StartAsync();
        var settings = Settings(gateway);
        settings["conformance.requestBudget"] = "12";
        settings["demo.baseUrl"] = demo.BaseUri.ToString();
        settings["demo.token"] = "demo-secret-token";
        settings["demo.allowMutation"] = "true";
        var rows = Rows("gzip", "brotli", "chunked", "problem", "http10", "throttled_seconds").Append(Valid("item")).Concat(EngineHarness.Demo.Rows).ToList();

        var results = await RunAsync([Pack, EngineHarness.Demo], settings, new InstantTime(), rows);

        Assert.Multiple(() =>
        {
            Assert.That(gateway.Requests + demo.Requests, Is.EqualTo(12));
            Assert.That(results.Count(r => r.Message.StartsWith("Not sent (budget): The run's request budget (12) is spent; no request was sent.", StringComparison.Ordinal)), Is.InRange(2, 3), "14 cases and 1 retry after a 429: 2 or 3 requests, by which comes last");
        });
    }
}
