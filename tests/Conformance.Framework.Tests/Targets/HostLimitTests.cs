using Conformance.Framework.Tests.Hostile;
using Conformance.Probing;
using Conformance.Targets;
using Microsoft.Extensions.Time.Testing;
using static Conformance.Framework.Tests.Targets.StartLog;

namespace Conformance.Framework.Tests.Targets;

/// <summary>
/// <see cref="RequestPacer.Take"/> and <see cref="HostLimit"/>: a request under its API's pacer and its host's takes one
/// start counted in both; a request given up while it waits leaves no slot or turn taken. On a fake clock: the starts are
/// exact, in its ticks.
/// </summary>
public sealed class HostLimitTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;

    [Test]
    public void Take_AnotherApiOnTheHost_StartsAHostWindowLater()
    {
        var time = new FakeTimeProvider();
        using var host = new RequestPacer(1, () => time);
        using var first = new RequestPacer(100, () => time);
        using var second = new RequestPacer(100, () => time);
        var now = time.GetTimestamp();

        var a = RequestPacer.Take(first, host, time);
        var b = RequestPacer.Take(second, host, time);

        Assert.That((a - now, b - now), Is.EqualTo((0L, Second)), "1 a second for the host, whichever API sends");
    }

    [Test]
    public void Take_HostPutsTheStartLater_TheApiCountsTheLaterStart()
    {
        var time = new FakeTimeProvider();
        using var host = new RequestPacer(1, () => time);
        using var own = new RequestPacer(1, () => time);
        var now = time.GetTimestamp();

        var first = RequestPacer.Take(own, host, time);
        var other = RequestPacer.Take(null, host, time); // another API's request on the host
        var second = RequestPacer.Take(own, host, time);
        var third = RequestPacer.Take(own, null, time); // to another host, say its token URL's

        // The host's window after the other API's request puts the API's second at 2 s; the API's window counts from when its
        // request started (2 s), not from when its own pace allowed it (1 s), so its third is at 3 s.
        Assert.That(new[] { first, other, second, third }.Select(t => t - now), Is.EqualTo(new[] { 0, Second, 2 * Second, 3 * Second }));
    }

    [Test]
    public async Task SendAsync_TwoApisOnAHostOfFivePerSecond_FiveInEachSecondWhicheverApiSends()
    {
        var time = new FakeTimeProvider();
        var log = new StartLog(time);
        using var host = new HostLimit(0, 5, () => time);
        using var first = new RequestPacer(100, () => time);
        using var second = new RequestPacer(100, () => time);
        var expected = At(0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000, 2000, 2000, 2000, 2000, 2000, 3000);

        var sends = Enumerable.Range(0, 16).Select(i => host.SendAsync(i % 2 == 0 ? first : second, () => Sent(log), CancellationToken.None)).ToList();
        await log.WalkAsync(expected);
        await Task.WhenAll(sends);

        Assert.That(log.Starts, Is.EqualTo(expected), "each API alone may send 100 a second: " + Shown(log.Starts));
    }

    [Test]
    public async Task SendAsync_WaiterGivenUpWhileTheHostsOneSlotIsTaken_NoSlotOrTurnLeft()
    {
        using var host = new HostLimit(1, 0, () => TimeProvider.System);
        using var own = new RequestPacer(1000, () => TimeProvider.System);
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = host.SendAsync(own, () => release.Task, CancellationToken.None);
        using var giveUp = new CancellationTokenSource();
        var waiting = host.SendAsync(own, () => Task.FromResult(2), giveUp.Token);

        await giveUp.CancelAsync();
        Assert.That(await Assert.CatchAsync<OperationCanceledException>(async () => await waiting), Is.Not.Null, "given up while the slot was taken");
        release.SetResult(1);

        Assert.That(await holding, Is.EqualTo(1));
        Assert.That(await host.SendAsync(own, () => Task.FromResult(3), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)), Is.EqualTo(3), "the slot and the API's turn are free again");
    }

    [TestCase(true, new[] { 0, 0 })]
    [TestCase(false, new[] { 0, 5_000_000 })]
    public async Task SendAsync_HostRateOfOneRequestEvery5000Seconds_OnlyAConfiguredTargetWaits(bool isReference, int[] milliseconds)
    {
        var time = new FakeTimeProvider();
        var log = new StartLog(time);
        await using var server = HostileServer.Start(x =>
        {
            log.Record();
            return x.RespondAsync(200, "OK", "application/json", "{}");
        });
        using var hosts = HostLimits.For(RunSettings.Default with { HostRequestsPerSecond = 0.0002 }, () => time);
        var options = new TargetOptions("t", server.BaseUri, null, false, 2, 0, TimeSpan.FromSeconds(5), 1 << 20, isReference);
        using var client = new TargetClient(options, null, new RequestBudget(10), hosts, () => time);
        var request = new ProbeRequest("GET", "/x", [], [], null, null, null);
        var expected = At(milliseconds);

        var sends = new[] { client.SendAsync(request, CancellationToken.None), client.SendAsync(request, CancellationToken.None) };
        await log.WalkAsync(expected);
        await Task.WhenAll(sends);

        // The embedded reference API has no quota to protect, and its rate_limit rows need their burst unpaced.
        Assert.That(log.Starts, Is.EqualTo(expected), isReference ? "the reference API is not host-limited" : "the second waits 5000 s: " + Shown(log.Starts));
    }

    private static Task<int> Sent(StartLog log)
    {
        log.Record();
        return Task.FromResult(0);
    }
}
