using System.Diagnostics;
using Conformance.Framework.Tests.Engine;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;
using static Conformance.Framework.Tests.Staging.StagingRun;

namespace Conformance.Framework.Tests.Staging;

/// <summary>
/// <c>conformance.circuitBreakerPauseSeconds</c> and <c>conformance.circuitBreakerTrials</c>: with a pause, an open breaker
/// holds the API's cases not yet sent, then sends one trial case; an answer closes it and the held cases go on, a trial
/// that counts too opens it again, until the trials are spent. A staging that is redeployed (503 for a while) loses the
/// cases of its outage, not the rest of the night.
/// </summary>
public sealed class StagingBreakerPauseTests
{
    private const string Rule = "; conformance.circuitBreaker=3 stops sending to an API once that many of its cases in a row end throttled or unavailable (429, 502, 503 or 504 after their retries) or unreachable.";
    private const string Inconclusive = "Inconclusive: still 503 after 2 bounded retries; the target is throttling or unavailable";
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Night = new(2026, 12, 1, 2, 14, 5, TimeSpan.Zero);

    [Test]
    public async Task RunAsync_DownForThreeCasesWithAPause_TrialPassesAndEveryLaterCaseIsSent()
    {
        var answered = 0;
        await using var gateway = StagingGateway.Start(x => Interlocked.Increment(ref answered) <= 9 ? Unavailable(x) : Ok(x));
        var time = new InstantTime();
        var settings = Settings(gateway);
        settings["conformance.circuitBreakerPauseSeconds"] = "60";

        var results = await RunPooledAsync([Pack], settings, time, 1, Times(Valid("item"), 8));

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.EqualTo(Verdicts("BBBPPPPP")));
            Assert.That(results.Take(3).Select(r => r.Message.Split(Environment.NewLine)[0]), Is.All.EqualTo(Inconclusive));
            Assert.That(gateway.Requests, Is.EqualTo(14), "3 cases of 3 requests, then the trial and 4 more cases of 1");
            Assert.That(time.Waits.Count(w => w == Pause), Is.EqualTo(1), "one pause, of 60 s");
        });
    }

    [Test]
    public async Task RunAsync_DownForThreeCasesWithoutAPause_TheRestNotSentAsBefore()
    {
        var answered = 0;
        await using var gateway = StagingGateway.Start(x => Interlocked.Increment(ref answered) <= 9 ? Unavailable(x) : Ok(x));
        var time = new InstantTime();

        var results = await RunPooledAsync([Pack], Settings(gateway), time, 1, Times(Valid("item"), 8));

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Broken));
            Assert.That(results.Skip(3).Select(r => r.Message.Split(Environment.NewLine)[0]), Is.All.EqualTo(
                "Not sent (breaker): The last 3 cases of staging ended 503 Service Unavailable (item.valid.1-1, item.valid.1-2, item.valid.1-3); conformance.circuitBreaker=3 stops sending to an API once that many of its cases in a row end throttled or unavailable (429, 502, 503 or 504 after their retries) or unreachable, and no request was sent. Rerun later, or raise it (0 turns it off)."));
            Assert.That(gateway.Requests, Is.EqualTo(9));
            Assert.That(time.Waits, Has.None.EqualTo(Pause));
        });
    }

    [Test]
    public async Task RunAsync_StillDownAfterTheTrial_RestNotSentSayingItPausedAndTried()
    {
        await using var gateway = StagingGateway.Start(Unavailable);
        var time = new InstantTime { Now = Night };
        var settings = Settings(gateway);
        settings["conformance.circuitBreakerPauseSeconds"] = "60";

        var results = await RunPooledAsync([Pack], settings, time, 1, Times(Valid("item"), 6));

        Assert.Multiple(() =>
        {
            Assert.That(results.Take(4).Select(r => r.Message.Split(Environment.NewLine)[0]), Is.All.EqualTo(Inconclusive), "3 cases and the trial");
            Assert.That(results.Skip(4).Select(r => r.Message), Is.All.EqualTo(
                "Not sent (breaker): The last 3 cases of staging ended 503 Service Unavailable (item.valid.1-1, item.valid.1-2, item.valid.1-3)" + Rule +
                " It opened at 02:14:05 UTC, paused 60 s and tried 1 case (item.valid.1-4: 503 Service Unavailable), which counted too (conformance.circuitBreakerPauseSeconds=60, conformance.circuitBreakerTrials=1), so it stays open for the rest of the run, and no request was sent. Rerun later, or raise either setting." + Environment.NewLine +
                $"Reproduce: curl -i -X GET '{gateway.BaseUri}items/1' -H 'Authorization: ***'"));
            Assert.That(gateway.Requests, Is.EqualTo(12), "4 cases of 3 requests");
            Assert.That(time.Waits.Count(w => w == Pause), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task RunAsync_StillDownAfterTwoTrials_PausedTwiceThenRestNotSent()
    {
        await using var gateway = StagingGateway.Start(x => x.RespondAsync(429, "Too Many Requests", "text/html", "<html>429</html>", "Retry-After: 1"));
        var time = new InstantTime { Now = Night };
        var settings = Settings(gateway);
        settings["conformance.circuitBreakerPauseSeconds"] = "0.5";
        settings["conformance.circuitBreakerTrials"] = "2";
        settings["staging.allowMutation"] = "true";

        var results = await RunPooledAsync([Pack], settings, time, 1, [.. Times(Valid("item"), 5), Valid("made_item")]);

        Assert.Multiple(() =>
        {
            Assert.That(results.Take(5).Select(r => r.Message.Split(Environment.NewLine)[0]), Is.All.EqualTo("Inconclusive: still 429 after 2 bounded retries; the target is throttling or unavailable"));
            Assert.That(results[5].Message, Is.EqualTo(
                "Not sent (breaker): The last 3 cases of staging ended 429 Too Many Requests (item.valid.1-1, item.valid.1-2, item.valid.1-3)" + Rule +
                " It opened at 02:14:05 UTC, paused 0.5 s before each of 2 trial cases (item.valid.1-4: 429 Too Many Requests; item.valid.1-5: 429 Too Many Requests), and each counted too (conformance.circuitBreakerPauseSeconds=0.5, conformance.circuitBreakerTrials=2), so it stays open for the rest of the run, and no request was sent: not this case's setup (item), nor its probe. Rerun later, or raise either setting." + Environment.NewLine +
                $"Reproduce: curl -i -X GET '{gateway.BaseUri}items/1' -H 'Authorization: ***'"));
            Assert.That(gateway.Requests, Is.EqualTo(15), "5 cases of 3 requests");
            Assert.That(time.Waits.Count(w => w == TimeSpan.FromSeconds(0.5)), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task RunAsync_TwoOutagesWithOneTrial_EachOpeningPausesAndItsTrialCloses()
    {
        var answered = 0;
        await using var gateway = StagingGateway.Start(x => Interlocked.Increment(ref answered) is <= 9 or (>= 14 and <= 22) ? Unavailable(x) : Ok(x));
        var time = new InstantTime();
        var settings = Settings(gateway);
        settings["conformance.circuitBreakerPauseSeconds"] = "60";

        var results = await RunPooledAsync([Pack], settings, time, 1, Times(Valid("item"), 12));

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.EqualTo(Verdicts("BBBPPPPBBBPP")));
            Assert.That(gateway.Requests, Is.EqualTo(24));
            Assert.That(time.Waits.Count(w => w == Pause), Is.EqualTo(2), "the trials count from each opening");
        });
    }

    [Test]
    public async Task RunAsync_BackDuringThePauseFourWorkersOneSlot_HeldCasesHoldNoSlotAndAllGoOn()
    {
        var time = new InstantTime();
        await using var gateway = StagingGateway.Start(x => time.Waits.Contains(Pause) ? Ok(x) : Unavailable(x));
        var settings = Settings(gateway);
        settings["conformance.circuitBreakerPauseSeconds"] = "60";
        settings["staging.concurrency"] = "1";

        var results = await RunPooledAsync([Pack], settings, time, 4, Times(Valid("item"), 12)).WaitAsync(TimeSpan.FromSeconds(60));

        var broken = results.Where(r => r.Verdict == Verdict.Broken).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(broken, Has.Count.InRange(3, 6), "the 3 that opened it and at most the 3 then in flight");
            Assert.That(broken.Select(r => r.Message.Split(Environment.NewLine)[0]), Is.All.EqualTo(Inconclusive));
            Assert.That(results.Count(r => r.Verdict == Verdict.Passed), Is.EqualTo(12 - broken.Count));
            Assert.That(time.Waits.Count(w => w == Pause), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task RunAsync_BudgetSpentWhenTheTrialWouldGo_EachHeldCaseNotSentForTheBudgetNoneWaitsForever()
    {
        await using var gateway = StagingGateway.Start(Unavailable);
        var time = new InstantTime();
        var settings = Settings(gateway);
        settings["conformance.circuitBreakerPauseSeconds"] = "60";
        settings["conformance.requestBudget"] = "9";

        var results = await RunPooledAsync([Pack], settings, time, 1, Times(Valid("item"), 7)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Multiple(() =>
        {
            Assert.That(results.Take(3).Select(r => r.Message.Split(Environment.NewLine)[0]), Is.All.EqualTo(Inconclusive));
            Assert.That(results.Skip(3).Select(r => r.Message.Split(Environment.NewLine)[0]), Is.All.EqualTo("Not sent (budget): The run's request budget (9) is spent; no request was sent."), "a trial that could not be sent gives the trial to the next held case");
            Assert.That(gateway.Requests, Is.EqualTo(9));
        });
    }

    [Test]
    public async Task RunAsync_DownForAWhileOnTheSystemClock_TrialAfterThePausePassesAndHoldsItsWait()
    {
        var answered = 0;
        var ninth = new Stopwatch();
        await using var gateway = StagingGateway.Start(x =>
        {
            var n = Interlocked.Increment(ref answered);
            if (n == 9)
            {
                ninth.Start();
            }

            return n <= 9 || ninth.Elapsed < TimeSpan.FromMilliseconds(300) ? Unavailable(x) : Ok(x); // up 300 ms after the 9th request
        });
        var settings = Settings(gateway);
        settings["conformance.maxRetryWaitSeconds"] = "0.05";
        settings["conformance.circuitBreakerPauseSeconds"] = "0.5";

        var results = await RunPooledAsync([Pack], settings, TimeProvider.System, 1, Times(Valid("item"), 6));

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.EqualTo(Verdicts("BBBPPP")));
            Assert.That(gateway.Requests, Is.EqualTo(12));
            Assert.That(results[3].Duration, Is.GreaterThan(TimeSpan.FromSeconds(0.4)), "the trial's duration holds its pause (0.5 s from when the case before it opened the breaker)");
        });
    }

    private static Task Unavailable(HostileExchange x) => x.RespondAsync(503, "Service Unavailable", "text/html", "<html>503</html>");

    private static Task Ok(HostileExchange x) => x.RespondAsync(200, "OK", "application/json", StagingGateway.Item);

    private static Verdict[] Verdicts(string letters) => [.. letters.Select(c => c == 'P' ? Verdict.Passed : Verdict.Broken)];
}
