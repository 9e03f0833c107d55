using Conformance.Diagnostics;
using Conformance.Framework.Tests.Engine;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;
using Conformance.Targets;
using static Conformance.Framework.Tests.Staging.StagingRun;

namespace Conformance.Framework.Tests.Staging;

/// <summary>
/// <c>conformance.circuitBreaker</c> (3 by default): once that many cases of one API in a row ended throttled or
/// unavailable (429, 502, 503 or 504 after their bounded retries) or unreachable, its cases not yet started are not sent; other APIs go on.
/// </summary>
public sealed class StagingBreakerTests
{
    private const string Tail = "; conformance.circuitBreaker=3 stops sending to an API once that many of its cases in a row end throttled or unavailable (429, 502, 503 or 504 after their retries) or unreachable, and no request was sent. Rerun later, or raise it (0 turns it off).";

    [Test]
    public async Task RunAsync_GatewayThrottlesEveryRequest_ThreeCasesSentAndTheRestBrokenAtOnce()
    {
        await using var gateway = StagingGateway.Start(x => x.RespondAsync(429, "Too Many Requests", "text/html", "<html>429</html>", "Retry-After: 1"));
        var settings = Settings(gateway);
        settings["staging.allowMutation"] = "true";

        var results = await RunPooledAsync([Pack], settings, new InstantTime(), 1, Pack.Rows);

        var notSent = results.Skip(3).Where(r => r.Row!.OperationId != "made_item").ToList(); // its setup not sent: StagingSetupTests
        Assert.Multiple(() =>
        {
            Assert.That(results.Take(3).Select(r => r.Message.Split(Environment.NewLine)[0]), Is.All.EqualTo("Inconclusive: still 429 after 2 bounded retries; the target is throttling or unavailable"));
            Assert.That(gateway.Requests, Is.EqualTo(9), "3 cases of 3 requests each, not 63");
            Assert.That(notSent.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Broken));
            Assert.That(notSent.Select(r => r.Message.Split(Environment.NewLine)[0]), Is.All.EqualTo("Not sent (breaker): The last 3 cases of staging ended 429 Too Many Requests (item.valid.1, throttled_seconds.valid.1, throttled_date.valid.1)" + Tail));
            Assert.That(notSent[0].Message, Is.EqualTo(
                "Not sent (breaker): The last 3 cases of staging ended 429 Too Many Requests (item.valid.1, throttled_seconds.valid.1, throttled_date.valid.1)" + Tail + Environment.NewLine +
                $"Reproduce: curl -i -X GET '{gateway.BaseUri}throttled-long' -H 'Authorization: ***'"));
            Assert.That(notSent.Select(r => r.Retried.Count), Is.All.Zero);
        });
    }

    [TestCase(502, "Bad Gateway")]
    [TestCase(504, "Gateway Timeout")]
    public async Task RunAsync_GatewayErrorToEveryRequest_ThreeCasesSentAndTheRestNotSent(int status, string reason)
    {
        await using var gateway = StagingGateway.Start(x => x.RespondAsync(status, reason, "text/html", "<html>gateway</html>"));

        var results = await RunPooledAsync([Pack], Settings(gateway), new InstantTime(), 1, Times(Valid("item"), 5));

        Assert.Multiple(() =>
        {
            Assert.That(results.Take(3).Select(r => r.Message.Split(Environment.NewLine)[0]), Is.All.StartWith($"Inconclusive: still {status} after 2 bounded retries; a gateway or proxy in front of the target answered, not the API: "));
            Assert.That(gateway.Requests, Is.EqualTo(9), "3 cases of 3 requests each, as for a 503");
            Assert.That(results.Skip(3).Select(r => r.Message), Is.All.EqualTo(
                $"Not sent (breaker): The last 3 cases of staging ended {status} {reason} (item.valid.1-1, item.valid.1-2, item.valid.1-3)" + Tail + Environment.NewLine +
                $"Reproduce: curl -i -X GET '{gateway.BaseUri}items/1' -H 'Authorization: ***'"));
        });
    }

    [Test]
    public async Task RunAsync_TwoCasesAtATime_CasesInFlightFinishAndNoMoreStart()
    {
        await using var gateway = StagingGateway.Start(x => x.RespondAsync(429, "Too Many Requests", "text/html", "<html>429</html>", "Retry-After: 1"));

        var results = await RunPooledAsync([Pack], Settings(gateway), new InstantTime(), 2, Times(Valid("item"), 21));

        var sent = results.Count(r => r.Message.StartsWith("Inconclusive: still 429 after 2 bounded retries", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(sent, Is.InRange(3, 4), "3, and the case that started beside the third when it started first");
            Assert.That(gateway.Requests, Is.EqualTo(3 * sent), "a case in flight when it opened finished with its retries");
            Assert.That(results.Count(r => r.Message.StartsWith("Not sent (breaker): The last 3 cases of staging ended 429 Too Many Requests (item.valid.1-", StringComparison.Ordinal)), Is.EqualTo(21 - sent));
        });
    }

    [Test]
    public async Task RunAsync_ThrottledTwiceThenAnswered_CountStartsAgainAndEveryCaseIsSent()
    {
        var answered = 0;
        await using var gateway = StagingGateway.Start(x => Interlocked.Increment(ref answered) is <= 6 or (>= 8 and <= 13)
            ? x.RespondAsync(429, "Too Many Requests", "text/html", "<html>429</html>", "Retry-After: 1")
            : x.RespondAsync(200, "OK", "application/json", StagingGateway.Item));

        var results = await RunPooledAsync([Pack], Settings(gateway), new InstantTime(), 1, Times(Valid("item"), 8));

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.EqualTo(new[] { Verdict.Broken, Verdict.Broken, Verdict.Passed, Verdict.Broken, Verdict.Broken, Verdict.Passed, Verdict.Passed, Verdict.Passed }));
            Assert.That(gateway.Requests, Is.EqualTo(16), "2 x 3, 1, 2 x 3, 3: the answer to the third case started the count again");
        });
    }

    [Test]
    public async Task RunAsync_OneApiThrottledTheOtherNot_OnlyTheThrottledOneStops()
    {
        await using var gateway = StagingGateway.Start(x => x.RespondAsync(429, "Too Many Requests", "text/html", "<html>429</html>", "Retry-After: 1"));
        await using var demo = await DemoServer.StartAsync();
        var settings = Settings(gateway);
        settings["demo.baseUrl"] = demo.BaseUri.ToString();
        settings["demo.token"] = "demo-secret-token";
        settings["demo.allowMutation"] = "true";
        var staging = Times(Valid("item"), EngineHarness.Demo.Rows.Count);
        var rows = staging.Zip(EngineHarness.Demo.Rows, (s, d) => new[] { s, d }).SelectMany(pair => pair).ToList();

        var results = await RunPooledAsync([Pack, EngineHarness.Demo], settings, new InstantTime(), 1, rows);

        Assert.Multiple(() =>
        {
            Assert.That(results.Where(r => r.Api == "demo").Select(r => r.Verdict), Is.All.EqualTo(Verdict.Passed));
            Assert.That(gateway.Requests, Is.EqualTo(9), "the demo cases between the staging ones do not start its count again");
            Assert.That(results.Where(r => r.Api == "staging").Skip(3).Select(r => r.Message), Is.All.StartWith("Not sent (breaker): The last 3 cases of staging ended 429 Too Many Requests (item.valid.1-1, item.valid.1-2, item.valid.1-3)" + Tail));
        });
    }

    [Test]
    public async Task RunAsync_NothingListens_ThreeCasesRefusedAndTheRestNotSent()
    {
        using var closed = new ClosedPort();
        await using var gateway = StagingGateway.Start();
        var settings = Settings(gateway);
        settings["staging.baseUrl"] = $"http://127.0.0.1:{closed.Port}/";

        var results = await RunPooledAsync([Pack], settings, new InstantTime(), 1, Times(Valid("item"), 5));

        Assert.Multiple(() =>
        {
            Assert.That(results.Take(3).Select(r => r.Message), Is.All.StartWith("Target unreachable (refused): Connection refused by 127.0.0.1:"));
            Assert.That(results.Skip(3).Select(r => r.Message), Is.All.EqualTo(
                "Not sent (breaker): The last 3 cases of staging ended unreachable (refused) (item.valid.1-1, item.valid.1-2, item.valid.1-3)" + Tail + Environment.NewLine +
                $"Reproduce: curl -i -X GET 'http://127.0.0.1:{closed.Port}/items/1' -H 'Authorization: ***'"));
        });
    }

    [Test]
    public async Task RunAsync_OneOperationResetsEveryTime_TheOthersStillSent()
    {
        // One operation that fails (a crashing handler, a slow query) is that operation's, not the API's: timeouts and
        // resets of one operation alone never open the breaker.
        await using var gateway = StagingGateway.Start(x =>
        {
            if (x.Request.Path.StartsWith("/items", StringComparison.Ordinal))
            {
                x.Socket.LingerState = new System.Net.Sockets.LingerOption(true, 0);
                x.Socket.Close();
                return Task.CompletedTask;
            }

            return x.RespondAsync(200, "OK", "application/json", StagingGateway.Item);
        });

        var results = await RunPooledAsync([Pack], Settings(gateway), new InstantTime(), 1, [.. Times(Valid("item"), 5), .. Times(Valid("chunked"), 2)]);

        Assert.Multiple(() =>
        {
            Assert.That(results.Take(5).Select(r => r.Message), Is.All.StartWith("Target unreachable (reset)"));
            Assert.That(results.Skip(5).Select(r => r.Verdict), Is.All.EqualTo(Verdict.Passed));
        });
    }

    [Test]
    public async Task RunAsync_TwoOperationsResetEveryTime_OpensAfterThree()
    {
        await using var gateway = StagingGateway.Start(x =>
        {
            x.Socket.LingerState = new System.Net.Sockets.LingerOption(true, 0);
            x.Socket.Close();
            return Task.CompletedTask;
        });

        var results = await RunPooledAsync([Pack], Settings(gateway), new InstantTime(), 1, [.. Times(Valid("item"), 2), .. Times(Valid("chunked"), 2)]);

        Assert.Multiple(() =>
        {
            Assert.That(results.Take(3).Select(r => r.Message), Is.All.StartWith("Target unreachable (reset)"));
            Assert.That(results[3].Message.Split(Environment.NewLine)[0], Is.EqualTo("Not sent (breaker): The last 3 cases of staging ended unreachable (reset) (item.valid.1-1, item.valid.1-2, chunked.valid.1-1)" + Tail));
        });
    }

    [TestCase("-1")]
    [TestCase("2.5")]
    [TestCase("three")]
    public void ReadRun_CircuitBreakerNotAWholeNumber_EveryErrorListed(string value)
    {
        var values = new Dictionary<string, string> { ["conformance.timeoutSeconds"] = "soon", ["conformance.circuitBreaker"] = value };
        var errors = new List<Diagnostic>();

        TargetResolver.ReadRun(new SettingsSource(values.GetValueOrDefault, _ => null), errors);

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "runsettings:conformance.timeoutSeconds(1,1): error CT0303: 'soon' is not a non-negative number, conformance.timeoutSeconds (or CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) takes a number. Fix: Give the setting a value of the type the message names.",
            $"runsettings:conformance.circuitBreaker(1,1): error CT0303: '{value}' is not a whole number of 0 or more, conformance.circuitBreaker (or CONFORMANCE_CONFORMANCE_CIRCUITBREAKER) takes how many cases of an API in a row may end throttled or unreachable before its other cases are not sent (0 turns it off). Fix: Give the setting a value of the type the message names.",
        }));
    }

    [Test]
    public void ReadRun_CircuitBreakerUnset_ThreeAndZeroTurnsItOff()
    {
        RunSettings Read(string? value) => TargetResolver.ReadRun(new SettingsSource(name => name == "conformance.circuitBreaker" ? value : null, _ => null), []);

        Assert.That((Read(null).CircuitBreaker, Read("0").CircuitBreaker, Read("5").CircuitBreaker), Is.EqualTo((3, 0, 5)));
    }

    [Test]
    public void Unknown_CircuitBreakerInRunsettings_IsASetting() =>
        Assert.That(SettingNames.Unknown(new SettingsSource(_ => null, _ => null, () => ["conformance.circuitBreaker"], () => []), []), Is.Empty);
}
