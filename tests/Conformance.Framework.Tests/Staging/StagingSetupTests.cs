using Conformance.Framework.Tests.Engine;
using Conformance.Reporting;
using static Conformance.Framework.Tests.Staging.StagingRun;

namespace Conformance.Framework.Tests.Staging;

/// <summary>
/// A row's <c>setup:</c> behind the gateway (made_item: its setup GETs item and captures its id): a setup answered 429,
/// 502, 503 or 504 is sent again within the bounds a probe is (conformance.maxRetries, Retry-After up to
/// conformance.maxRetryWaitSeconds), the retry named in the case's message; and a setup the circuit breaker holds back
/// is one message naming the breaker and the setup not sent.
/// </summary>
public sealed class StagingSetupTests
{
    private const string Tail = "; conformance.circuitBreaker=3 stops sending to an API once that many of its cases in a row end throttled or unavailable (429, 502, 503 or 504 after their retries) or unreachable, and no request was sent: not this case's setup (item), nor its probe. Rerun later, or raise it (0 turns it off).";

    [TestCase(429, "Too Many Requests", "1")]
    [TestCase(502, "Bad Gateway", null)]
    [TestCase(503, "Service Unavailable", null)]
    [TestCase(504, "Gateway Timeout", null)]
    public async Task RunAsync_SetupAnsweredOnceTransient_SetupSentAgainAndTheProbePasses(int status, string reason, string? retryAfter)
    {
        var setups = 0;
        await using var gateway = StagingGateway.Start(x => x.Request.Path == "/items/1" && Interlocked.Increment(ref setups) == 1
            ? x.RespondAsync(status, reason, "text/html", "<html>busy</html>", retryAfter is null ? [] : [$"Retry-After: {retryAfter}"])
            : x.RespondAsync(200, "OK", "application/json", StagingGateway.Item));
        var time = new InstantTime();

        var result = (await RunAsync(Settings(gateway), time, Rows("made_item"))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
            Assert.That(result.Message.Split(Environment.NewLine), Has.Some.EqualTo($"RETRIED setup (item) after {status} {reason} (Retry-After: {retryAfter ?? "none"}) (the first answer is kept here; the probe followed the setup sent again)"));
            Assert.That(time.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(1) }));
            Assert.That((gateway.Seen["GET /items/1"], gateway.Seen["GET /made/1"]), Is.EqualTo((2, 1)));
        });
    }

    [TestCase(502, "Bad Gateway", StagingGatewayErrorTests.BadGatewayWhy)]
    [TestCase(504, "Gateway Timeout", StagingGatewayErrorTests.GatewayTimeoutWhy)]
    public async Task RunAsync_PostSetupAnsweredGatewayError_SetupFailedNotSentAgainAndNoProbe(int status, string reason, string why)
    {
        await using var gateway = StagingGateway.Start(x => x.RespondAsync(status, reason, "text/html", "<html>down</html>"));
        var settings = Settings(gateway);
        settings["staging.allowMutation"] = "true";
        var time = new InstantTime();

        var result = (await RunAsync(settings, time, [Valid("made_item") with { OperationId = "made_by_post" }])).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(result.Message.Split(Environment.NewLine)[0], Is.EqualTo(
                $"Setup failed, no probe was sent: create_item answered {status} {reason}, expected a 2xx, not sent again: a POST that may change state (the API behind the gateway may have acted on it); {why}"));
            Assert.That(result.Retried, Is.Empty);
            Assert.That(time.Waits, Is.Empty);
            Assert.That(gateway.Requests, Is.EqualTo(1));
        });
    }

    [TestCase(503, "Service Unavailable", "the target is throttling or unavailable")]
    [TestCase(502, "Bad Gateway", StagingGatewayErrorTests.BadGatewayWhy)]
    public async Task RunAsync_SetupAnsweredTransientEveryTime_SetupFailedStillAfterTheBoundedRetriesAndNoProbe(int status, string reason, string why)
    {
        await using var gateway = StagingGateway.Start(x => x.RespondAsync(status, reason, "text/html", "<html>down</html>"));
        var time = new InstantTime();

        var result = (await RunAsync(Settings(gateway), time, Rows("made_item"))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(result.Message, Is.EqualTo(
                $"Setup failed, no probe was sent: item answered {status} {reason}, expected a 2xx, still after 2 bounded retries (conformance.maxRetries); {why}" + Environment.NewLine +
                "Body: <html>down</html>" + Environment.NewLine +
                $"Reproduce: curl -i -X GET '{gateway.BaseUri}items/1' -H 'Authorization: ***'"));
            Assert.That(result.Retried.Select(s => s.Label), Is.EqualTo(new[] { "Setup (item)", "Setup (item)" }));
            Assert.That(time.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1) }));
            Assert.That(gateway.Seen.Keys, Is.EqualTo(new[] { "GET /items/1" }));
            Assert.That(gateway.Requests, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task RunAsync_SetupAnswered503Then500_SetupFailedWithTheRetryNamed()
    {
        var setups = 0;
        await using var gateway = StagingGateway.Start(x => Interlocked.Increment(ref setups) == 1
            ? x.RespondAsync(503, "Service Unavailable", "text/html", "<html>down</html>")
            : x.RespondAsync(500, "Internal Server Error", "application/json", """{"code":"OOPS"}"""));

        var result = (await RunAsync(Settings(gateway), new InstantTime(), Rows("made_item"))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Message, Is.EqualTo(
                "Setup failed, no probe was sent: item answered 500 Internal Server Error, expected a 2xx" + Environment.NewLine +
                """Body: {"code":"OOPS"}""" + Environment.NewLine +
                "RETRIED setup (item) after 503 Service Unavailable (Retry-After: none) (that attempt is kept in the report; the first line is the last attempt's)" + Environment.NewLine +
                $"Reproduce: curl -i -X GET '{gateway.BaseUri}items/1' -H 'Authorization: ***'"));
            Assert.That(gateway.Requests, Is.EqualTo(2), "a 500 is the API's answer: not sent again");
        });
    }

    [Test]
    public async Task RunAsync_GetSetupResetOnce_SentAgainByTransportRetriesAndTheProbePasses()
    {
        var setups = 0;
        await using var gateway = StagingGateway.Start(x =>
        {
            if (x.Request.Path == "/items/1" && Interlocked.Increment(ref setups) == 1)
            {
                x.Socket.LingerState = new System.Net.Sockets.LingerOption(true, 0);
                x.Socket.Close();
                return Task.CompletedTask;
            }

            return x.RespondAsync(200, "OK", "application/json", StagingGateway.Item);
        });

        var result = (await RunAsync(Settings(gateway), new InstantTime(), Rows("made_item"))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
            Assert.That((gateway.Seen["GET /items/1"], gateway.Seen["GET /made/1"]), Is.EqualTo((2, 1)), "conformance.transportRetries=1 sends a GET setup once more, as a GET probe");
        });
    }

    [Test]
    public async Task RunAsync_SetupWithMaxRetriesZero_SetupFailedAtOnceAsBefore()
    {
        await using var gateway = StagingGateway.Start(x => x.RespondAsync(503, "Service Unavailable", "text/html", "<html>down</html>"));
        var settings = Settings(gateway);
        settings["conformance.maxRetries"] = "0";

        var result = (await RunAsync(settings, new InstantTime(), Rows("made_item"))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Message, Is.EqualTo(
                "Setup failed, no probe was sent: item answered 503 Service Unavailable, expected a 2xx" + Environment.NewLine +
                "Body: <html>down</html>" + Environment.NewLine +
                $"Reproduce: curl -i -X GET '{gateway.BaseUri}items/1' -H 'Authorization: ***'"));
            Assert.That(gateway.Requests, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task RunAsync_BreakerOpenBeforeASetupRow_OneNotSentMessageNamingTheSetup()
    {
        await using var gateway = StagingGateway.Start(x => x.RespondAsync(429, "Too Many Requests", "text/html", "<html>429</html>", "Retry-After: 1"));

        var results = await RunPooledAsync([Pack], Settings(gateway), new InstantTime(), 1, [.. Times(Valid("item"), 3), .. Rows("made_item")]);

        Assert.Multiple(() =>
        {
            Assert.That(results[3].Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(results[3].Message, Is.EqualTo(
                "Not sent (breaker): The last 3 cases of staging ended 429 Too Many Requests (item.valid.1-1, item.valid.1-2, item.valid.1-3)" + Tail + Environment.NewLine +
                $"Reproduce: curl -i -X GET '{gateway.BaseUri}items/1' -H 'Authorization: ***'"));
            Assert.That(gateway.Requests, Is.EqualTo(9));
        });
    }
}
