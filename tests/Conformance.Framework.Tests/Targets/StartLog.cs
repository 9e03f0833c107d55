using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace Conformance.Framework.Tests.Targets;

/// <summary>
/// When requests start, on a <see cref="FakeTimeProvider"/> that only the test moves: <see cref="Record"/> notes the clock's
/// time since the log was made, exact to the tick. <see cref="WalkAsync"/> moves the clock to each time a test expects a
/// start at, in order, and there waits (in real time, at most 30 s) until as many have started as are due by then. A
/// request let go early is noted at an earlier time (the test's assertion of the starts fails); one held past its time
/// never comes, and the walk fails naming the starts so far.
/// </summary>
internal sealed class StartLog(FakeTimeProvider time)
{
    private readonly DateTimeOffset origin = time.GetUtcNow();
    private readonly ConcurrentQueue<TimeSpan> starts = new();

    /// <summary>The starts noted, earliest first.</summary>
    public IReadOnlyList<TimeSpan> Starts => [.. starts.Order()];

    /// <summary>Notes a start now.</summary>
    public void Record() => starts.Enqueue(time.GetUtcNow() - origin);

    /// <summary>
    /// Moves the clock through <paramref name="expected"/> (times since the log was made; one the clock is past already is
    /// not gone back to), waiting at each for the starts due by then. The clock is held a moment (<see cref="Settle"/>) before
    /// it moves, so the requests let go by the last move take their next wait at the time they were let go. Each time is first
    /// neared to within a millisecond (the unit of a pacer's waits) and held there: a request let go early is noted then,
    /// before its expected time.
    /// </summary>
    public async Task WalkAsync(IReadOnlyList<TimeSpan> expected)
    {
        foreach (var at in expected.Distinct().Order())
        {
            await Task.Delay(Settle);
            await AtAsync(at - TimeSpan.FromMilliseconds(1), expected.Count(t => t < at));
            await Task.Delay(Settle);
            await AtAsync(at, expected.Count(t => t <= at));
        }
    }

    /// <summary>How long, in real time, the clock is held just before each expected start.</summary>
    private static TimeSpan Settle => TimeSpan.FromMilliseconds(20);

    private async Task AtAsync(TimeSpan at, int due)
    {
        if (origin + at > time.GetUtcNow())
        {
            time.SetUtcNow(origin + at);
        }

        var waited = Stopwatch.StartNew();
        while (starts.Count < due)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                Assert.Fail($"{due} starts due by {Shown([at])}, {starts.Count} came: {Shown(Starts)}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(2));
        }
    }

    /// <summary>Times in seconds to the tick: <c>0.0000000 1.0000000</c>.</summary>
    public static string Shown(IEnumerable<TimeSpan> times) =>
        string.Join(" ", times.Select(t => t.TotalSeconds.ToString("F7", CultureInfo.InvariantCulture)));

    /// <summary>Each of <paramref name="milliseconds"/> as a time.</summary>
    public static TimeSpan[] At(params int[] milliseconds) => [.. milliseconds.Select(m => TimeSpan.FromMilliseconds(m))];
}
