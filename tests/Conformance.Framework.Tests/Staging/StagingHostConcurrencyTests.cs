using Conformance.Framework.Tests.Engine;
using Conformance.Framework.Tests.Targets;
using Conformance.Reporting;
using static Conformance.Framework.Tests.Staging.StagingHostRateTests;
using static Conformance.Framework.Tests.Staging.StagingRun;
using static Conformance.Framework.Tests.Targets.StartLog;

namespace Conformance.Framework.Tests.Staging;

/// <summary>
/// <c>conformance.hostConcurrency</c>: requests at a time to one target host, whichever API sends them; and the host's
/// slots are not held by a request its own API's pace holds back, so no API waits behind another's pace.
/// </summary>
public sealed class StagingHostConcurrencyTests
{
    [Test]
    public async Task RunAsync_TwoApisOnOneHostWithHostConcurrency_NoMoreAtATimeAndEveryCaseDone()
    {
        var now = 0;
        var most = 0;
        await using var gateway = StagingGateway.Start(async x =>
        {
            var at = Interlocked.Increment(ref now);
            InterlockedMax(ref most, at);
            await Task.Delay(TimeSpan.FromMilliseconds(200), x.Stopping);
            Interlocked.Decrement(ref now); // before the answer: the client holds its slot until it has read it
            await x.RespondAsync(200, "OK", "application/json", StagingGateway.Item);
        });
        var settings = TwoApis(gateway, gateway);
        settings["staging.concurrency"] = settings["other.concurrency"] = "3";
        settings["staging.requestsPerSecond"] = settings["other.requestsPerSecond"] = "0";
        settings["conformance.hostConcurrency"] = "2";

        var results = await RunAsync([Pack, Other], settings, new InstantTime(), [.. Times(Valid("item"), 6), .. Times(OtherItem, 6)]).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Passed));
            Assert.That(gateway.Requests, Is.EqualTo(12));
            Assert.That(Volatile.Read(ref most), Is.LessThanOrEqualTo(2), "conformance.hostConcurrency=2 for both APIs together (each alone may send 3 at a time)");
        });
    }

    [Test]
    public async Task RunAsync_SlowApiAndFastApiOnAHostOfOneSlot_TheFastOneIsNotHeldBehindTheSlowOnesPace()
    {
        await using var gateway = StagingGateway.Start();
        var (time, all) = Noted(gateway);
        var slow = new StartLog(time);
        var fast = new StartLog(time);
        gateway.Arrived = x =>
        {
            all.Record();
            (x.Request.Headers.First(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value == "Bearer staging-token-0001" ? slow : fast).Record();
        };
        var settings = TwoApis(gateway, gateway);
        settings["staging.requestsPerSecond"] = "0.5"; // its second request 2 s after its first
        settings["conformance.hostConcurrency"] = "1";
        settings["conformance.hostRequestsPerSecond"] = "20";

        var running = RunAsync([Pack, Other], settings, time, [.. Times(Valid("item"), 2), .. Times(OtherItem, 5)]);
        await all.WalkAsync(At(0, 0, 0, 0, 0, 0, 2000));
        var results = await running.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Passed));
            // The slow API's second request, waiting 2 s for its own pace, holds no host slot meanwhile: the fast API's 5
            // go one at a time at 0 s (holding the slot, they would all come at 2 s, after it).
            Assert.That((slow.Starts, fast.Starts), Is.EqualTo((At(0, 2000), At(0, 0, 0, 0, 0))), $"staging at {Shown(slow.Starts)}; other at {Shown(fast.Starts)}");
        });
    }

    private static void InterlockedMax(ref int most, int value)
    {
        for (var seen = Volatile.Read(ref most); value > seen; seen = Volatile.Read(ref most))
        {
            if (Interlocked.CompareExchange(ref most, value, seen) == seen)
            {
                return;
            }
        }
    }
}
