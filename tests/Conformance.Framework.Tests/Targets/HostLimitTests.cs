using System.Diagnostics;
using Conformance.Framework.Tests.Hostile;
using Conformance.Probing;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Targets;

/// <summary>
/// <see cref="RequestPacer.Take"/> and <see cref="HostLimit"/>: a request under its API's pacer and its host's takes one
/// start counted in both; a request given up while it waits leaves no slot or turn taken. No timing: the starts are
/// computed, not waited for.
/// </summary>
public sealed class HostLimitTests
{
    private static readonly long Second = Stopwatch.Frequency;

    [Test]
    public void Take_AnotherApiOnTheHost_StartsAHostWindowLater()
    {
        using var host = new RequestPacer(1);
        using var first = new RequestPacer(100);
        using var second = new RequestPacer(100);

        var a = RequestPacer.Take(first, host);
        var b = RequestPacer.Take(second, host);

        Assert.That(b - a, Is.GreaterThanOrEqualTo(Second), "1 a second for the host, whichever API sends");
    }

    [Test]
    public void Take_HostPutsTheStartLater_TheApiCountsTheLaterStart()
    {
        using var host = new RequestPacer(1);
        using var own = new RequestPacer(1);

        var first = RequestPacer.Take(own, host);
        var other = RequestPacer.Take(null, host); // another API's request on the host
        var second = RequestPacer.Take(own, host);
        var third = RequestPacer.Take(own, null); // to another host, say its token URL's

        Assert.Multiple(() =>
        {
            Assert.That(other - first, Is.GreaterThanOrEqualTo(Second));
            Assert.That(second - other, Is.GreaterThanOrEqualTo(Second), "the host's window after the other API's request");
            Assert.That(third - second, Is.GreaterThanOrEqualTo(Second), "the API's window counts from when its request started, not from when its own pace allowed it");
        });
    }

    [Test]
    public async Task SendAsync_WaiterGivenUpWhileTheHostsOneSlotIsTaken_NoSlotOrTurnLeft()
    {
        using var host = new HostLimit(1, 0);
        using var own = new RequestPacer(1000);
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

    [TestCase(true, 2)]
    [TestCase(false, 1)]
    public async Task SendAsync_HostRateOfOneRequestAnHour_OnlyAConfiguredTargetWaits(bool isReference, int sent)
    {
        await using var server = HostileServer.Start(x => x.RespondAsync(200, "OK", "application/json", "{}"));
        using var hosts = HostLimits.For(RunSettings.Default with { HostRequestsPerSecond = 0.0002 });
        var options = new TargetOptions("t", server.BaseUri, null, false, 2, 0, TimeSpan.FromSeconds(5), 1 << 20, isReference);
        using var client = new TargetClient(options, null, new RequestBudget(10), hosts);
        using var stop = new CancellationTokenSource();
        var request = new ProbeRequest("GET", "/x", [], [], null, null, null);

        var sends = new[] { client.SendAsync(request, stop.Token), client.SendAsync(request, stop.Token) };
        await Task.WhenAny(sends).WaitAsync(TimeSpan.FromSeconds(30));
        await Task.WhenAny(Task.WhenAll(sends), Task.Delay(TimeSpan.FromSeconds(isReference ? 30 : 1)));
        var arrived = server.Requests;
        await stop.CancelAsync();
        foreach (var send in sends)
        {
            try
            {
                await send;
            }
            catch (OperationCanceledException)
            {
                // the one that waited for the host's pace
            }
        }

        // The embedded reference API has no quota to protect, and its rate_limit rows need their burst unpaced.
        Assert.That(arrived, Is.EqualTo(sent), isReference ? "the reference API is not host-limited" : "the second waits an hour");
    }
}
