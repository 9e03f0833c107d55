using Conformance.Targets;
using Microsoft.Extensions.Time.Testing;
using static Conformance.Framework.Tests.Targets.StartLog;

namespace Conformance.Framework.Tests.Targets;

/// <summary>
/// <see cref="RequestPacer.WaitAsync"/> (<c>&lt;api&gt;.requestsPerSecond</c>) on a fake clock: the exact time each request
/// starts, n of them in any n / rate seconds.
/// </summary>
public sealed class RequestPacerTests
{
    [Test]
    public async Task WaitAsync_FivePerSecond_SixthStartsOneSecondAfterTheFirst()
    {
        var expected = At(0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000, 2000);

        var starts = await StartsAsync(5, expected.Length, expected);

        Assert.That(starts, Is.EqualTo(expected), "5 a second: requests 1-5 at 0 s, 6-10 at 1 s, 11 at 2 s: " + Shown(starts));
    }

    [Test]
    public async Task WaitAsync_HalfPerSecond_OneEveryTwoSeconds()
    {
        var expected = At(0, 2000, 4000);

        var starts = await StartsAsync(0.5, expected.Length, expected);

        Assert.That(starts, Is.EqualTo(expected), "0.5 a second: one request every 2 s, not one a second: " + Shown(starts));
    }

    [Test]
    public async Task WaitAsync_TwoAndAHalfPerSecond_TwoInAnyEightTenthsOfASecond()
    {
        var expected = At(0, 0, 800, 800, 1600);

        var starts = await StartsAsync(2.5, expected.Length, expected);

        Assert.That(starts, Is.EqualTo(expected), "2.5 a second: 2 in any 0.8 s: " + Shown(starts));
    }

    [Test]
    public async Task WaitAsync_TenAfterAnIdleSpell_NoMoreThanFiveInAnySecond()
    {
        var time = new FakeTimeProvider();
        var log = new StartLog(time);
        using var pacer = new RequestPacer(5, () => time);
        await pacer.WaitAsync(CancellationToken.None);
        log.Record();
        time.Advance(TimeSpan.FromMilliseconds(500)); // idle, as between a run's first case and the next, or a retry's wait
        var expected = At(0, 500, 500, 500, 500, 1000, 1500, 1500, 1500, 1500, 2000);

        var sends = Enumerable.Range(0, 10).Select(_ => SendAsync(pacer, log)).ToList();
        await log.WalkAsync(expected);
        await Task.WhenAll(sends);

        // A bucket refilled on a timer let 10 through within less than a second after the idle spell.
        Assert.That(log.Starts, Is.EqualTo(expected), "the 6th 1 s after the 1st, the 7th 1 s after the 2nd: " + Shown(log.Starts));
    }

    private static async Task<IReadOnlyList<TimeSpan>> StartsAsync(double requestsPerSecond, int requests, IReadOnlyList<TimeSpan> expected)
    {
        var time = new FakeTimeProvider();
        var log = new StartLog(time);
        using var pacer = new RequestPacer(requestsPerSecond, () => time);

        var sends = Enumerable.Range(0, requests).Select(_ => SendAsync(pacer, log)).ToList();
        await log.WalkAsync(expected);
        await Task.WhenAll(sends);
        return log.Starts;
    }

    private static async Task SendAsync(RequestPacer pacer, StartLog log)
    {
        await pacer.WaitAsync(CancellationToken.None);
        log.Record();
    }
}
