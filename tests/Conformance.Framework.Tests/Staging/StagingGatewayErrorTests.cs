using Conformance.Checks;
using Conformance.Framework.Tests.Engine;
using Conformance.Reporting;
using Conformance.Reporting.Scorecard;
using static Conformance.Framework.Tests.Staging.StagingRun;

namespace Conformance.Framework.Tests.Staging;

/// <summary>
/// A 502 Bad Gateway or 504 Gateway Timeout is the answer of a gateway or proxy in front of the API, not the API's own
/// (RFC 9110 15.6.3, 15.6.5): it is a bounded retry as a 503 is (conformance.maxRetries, its Retry-After honoured up to
/// conformance.maxRetryWaitSeconds), and one still there after the retries is inconclusive, not the API's failure.
/// A row that expects 502 or 504 is judged at once, and the API's own 500 is judged as a server error.
/// </summary>
public sealed class StagingGatewayErrorTests
{
    public const string BadGatewayWhy = "a gateway or proxy in front of the target answered, not the API: 502 Bad Gateway, it got no valid answer from the API behind it. Check that the API is up and that the gateway reaches it, then rerun";

    public const string GatewayTimeoutWhy = "a gateway or proxy in front of the target answered, not the API: 504 Gateway Timeout, the API behind it did not answer the gateway in time. Check that the API is up and answers within the gateway's timeout, then rerun";

    [TestCase(502, "Bad Gateway")]
    [TestCase(504, "Gateway Timeout")]
    public async Task RunAsync_GatewayErrorOnceThenAnswered_SentAgainAndTheRetryPasses(int status, string reason)
    {
        var answered = 0;
        await using var gateway = StagingGateway.Start(x => Interlocked.Increment(ref answered) == 1
            ? x.RespondAsync(status, reason, "text/html", "<html>gateway</html>")
            : x.RespondAsync(200, "OK", "application/json", StagingGateway.Item));
        var time = new InstantTime();

        var result = (await RunAsync(Settings(gateway), time, [Valid("item")])).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
            Assert.That(result.Message.Split(Environment.NewLine), Has.Some.EqualTo($"RETRIED after {status} {reason} (Retry-After: none) (the first answer is kept here; the verdict is on the retry)"));
            Assert.That(time.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(1) }));
            Assert.That(gateway.Requests, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task RunAsync_502WithRetryAfter_WaitsItBeforeSendingAgain()
    {
        var answered = 0;
        await using var gateway = StagingGateway.Start(x => Interlocked.Increment(ref answered) == 1
            ? x.RespondAsync(502, "Bad Gateway", "text/html", "<html>gateway</html>", "Retry-After: 3")
            : x.RespondAsync(200, "OK", "application/json", StagingGateway.Item));
        var time = new InstantTime();

        var result = (await RunAsync(Settings(gateway), time, [Valid("item")])).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
            Assert.That(time.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(3) }));
        });
    }

    [Test]
    public async Task RunAsync_504WithRetryAfterBeyondMaxRetryWait_InconclusiveAtOnceAndNotSentAgain()
    {
        await using var gateway = StagingGateway.Start(x => x.RespondAsync(504, "Gateway Timeout", "text/html", "<html>gateway</html>", "Retry-After: 120"));
        var time = new InstantTime();

        var result = (await RunAsync(Settings(gateway), time, [Valid("item")])).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(result.Message, Is.EqualTo(
                $"Inconclusive: 504 Gateway Timeout with Retry-After: 120, longer than conformance.maxRetryWaitSeconds (10 s), so it was not sent again before the target allows; {GatewayTimeoutWhy}" + Environment.NewLine +
                $"Reproduce: curl -i -X GET '{gateway.BaseUri}items/1' -H 'Authorization: ***'"));
            Assert.That(time.Waits, Is.Empty);
            Assert.That(gateway.Requests, Is.EqualTo(1));
        });
    }

    [TestCase(502, "Bad Gateway", BadGatewayWhy)]
    [TestCase(504, "Gateway Timeout", GatewayTimeoutWhy)]
    public async Task RunAsync_PostAnsweredGatewayError_InconclusiveAtOnceAndNotSentAgain(int status, string reason, string why)
    {
        // Unlike a 429 or 503, a gateway's error may come after the API behind it acted on the POST: a second one could create twice.
        var answered = 0;
        await using var gateway = StagingGateway.Start(x => Interlocked.Increment(ref answered) == 1
            ? x.RespondAsync(status, reason, "text/html", "<html>gateway</html>")
            : x.RespondAsync(201, "Created", "application/json", StagingGateway.Item));
        var settings = Settings(gateway);
        settings["staging.allowMutation"] = "true";
        var time = new InstantTime();

        var result = (await RunAsync(settings, time, Rows("create_item"))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(result.Message.Split(Environment.NewLine)[0], Is.EqualTo(
                $"Inconclusive: {status} {reason} to a POST that may change state, so it was not sent again (the API behind the gateway may have acted on it, and a second request could act twice); {why}"));
            Assert.That(result.Retried, Is.Empty);
            Assert.That(time.Waits, Is.Empty);
            Assert.That(gateway.Seen["POST /items"], Is.EqualTo(1));
        });
    }

    [TestCase(502, "Bad Gateway")]
    [TestCase(504, "Gateway Timeout")]
    public async Task RunAsync_RowExpectsTheGatewayStatus_JudgedAtOnce(int status, string reason)
    {
        await using var gateway = StagingGateway.Start(x => x.RespondAsync(status, reason, "text/html", "<html>gateway</html>"));

        var result = (await RunAsync(Settings(gateway), new InstantTime(), [Valid("item") with { Expected = [status] }])).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Failed), "judged: only documented_status fails, the staging pack documents neither");
            Assert.That(result.Checks.Where(c => c.Outcome == Outcome.Failed).Select(c => c.CheckId), Is.EqualTo(new[] { "documented_status" }));
            Assert.That(result.Retried, Is.Empty);
            Assert.That(gateway.Requests, Is.EqualTo(1));
        });
    }

    [TestCase(500, "Internal Server Error")]
    [TestCase(501, "Not Implemented")]
    public async Task RunAsync_ApisOwnServerError_FailedAtOnceAsNotAServerError(int status, string reason)
    {
        await using var gateway = StagingGateway.Start(x => x.RespondAsync(status, reason, "application/json", """{"code":"OOPS"}"""));

        var result = (await RunAsync(Settings(gateway), new InstantTime(), [Valid("item")])).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Failed));
            Assert.That(result.Checks.Single(c => c.CheckId == "not_a_server_error").Outcome, Is.EqualTo(Outcome.Failed));
            Assert.That(gateway.Requests, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Build_Final502AfterRetries_CountedBrokenInTheScorecard()
    {
        await using var gateway = StagingGateway.Start();
        List<Tables.StatusRow> rows = [Valid("html_502"), Valid("item")];

        var results = await RunAsync(Settings(gateway), new InstantTime(), rows);

        var card = ScorecardBuilder.Build([Pack.Pack!], rows, results).Apis.Single();
        Assert.Multiple(() =>
        {
            Assert.That(card.Cases, Is.EqualTo(new VerdictCounts(2, 1, 0, 1, 0)));
            Assert.That(card.Undocumented.Select(u => (u.Status, u.Count)), Is.EqualTo(new[] { (502, 3) }), "each attempt's answer is observed, as a 503's are");
        });
    }
}
