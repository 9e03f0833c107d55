using System.Diagnostics;

namespace Conformance.Targets;

/// <summary>
/// <c>&lt;api&gt;.requestsPerSecond</c>: at most n requests start in any n / rate seconds, n being the whole requests of a
/// second (at least 1). So 5 is 5 in any second, 0.5 one in any 2 s, 2.5 two in any 0.8 s. A request waits for the
/// time its predecessor n places back started plus that window. (A token bucket refilled on a timer, as this was, let
/// 2n through within less than a second after an idle spell: n from the full bucket, n more at its next refill.)
/// </summary>
internal sealed class RequestPacer
{
    private readonly long[] starts; // when each of the last n requests started (Stopwatch ticks), the oldest at [next]
    private readonly long window;
    private readonly Lock sync = new();
    private int next;

    public RequestPacer(double requestsPerSecond)
    {
        starts = new long[Math.Max(1, (int)Math.Floor(requestsPerSecond))];
        window = (long)Math.Ceiling(starts.Length / requestsPerSecond * Stopwatch.Frequency);
        Array.Fill(starts, long.MinValue / 2);
    }

    /// <summary>Waits until a request may start, and counts it as started then.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        long at;
        lock (sync)
        {
            at = Math.Max(Stopwatch.GetTimestamp(), starts[next] + window);
            starts[next] = at;
            next = (next + 1) % starts.Length;
        }

        // A timer may fire a little early: wait again until the time has come.
        for (var now = Stopwatch.GetTimestamp(); now < at; now = Stopwatch.GetTimestamp())
        {
            await Task.Delay(Stopwatch.GetElapsedTime(now, at) + TimeSpan.FromMilliseconds(1), cancellationToken);
        }
    }
}
