using System.Collections.Concurrent;
using System.Diagnostics;
using Conformance.Framework.Tests.Engine;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;
using static Conformance.Framework.Tests.Staging.StagingHostRateTests;
using static Conformance.Framework.Tests.Staging.StagingRun;

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
        var clock = Stopwatch.StartNew();
        var arrivals = new ConcurrentQueue<(string Auth, double At)>();
        await using var gateway = StagingGateway.Start(x =>
        {
            arrivals.Enqueue((x.Request.Headers.First(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value, clock.Elapsed.TotalSeconds));
            return x.RespondAsync(200, "OK", "application/json", StagingGateway.Item);
        });
        var settings = TwoApis(gateway, gateway);
        settings["staging.requestsPerSecond"] = "0.5"; // its second request 2 s after its first
        settings["conformance.hostConcurrency"] = "1";
        settings["conformance.hostRequestsPerSecond"] = "20";

        var results = await RunAsync([Pack, Other], settings, new InstantTime(), [.. Times(Valid("item"), 2), .. Times(OtherItem, 5)]).WaitAsync(TimeSpan.FromSeconds(60));

        var slow = arrivals.Where(a => a.Auth == "Bearer staging-token-0001").Select(a => a.At).Order().ToList();
        var fast = arrivals.Where(a => a.Auth == "Bearer other-token-0002").Select(a => a.At).Order().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Passed));
            Assert.That((slow.Count, fast.Count), Is.EqualTo((2, 5)));
            // The slow API's second request, waiting 2 s for its own pace, holds no host slot meanwhile: the fast API's 5
            // go one at a time before it (holding the slot, they would all come after it).
            Assert.That(fast[^1], Is.LessThan(slow[1]), $"staging at {string.Join(", ", slow)}; other at {string.Join(", ", fast)}");
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
