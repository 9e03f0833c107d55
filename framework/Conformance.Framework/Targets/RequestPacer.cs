using System.Diagnostics;

namespace Conformance.Targets;

/// <summary>
/// <c>&lt;api&gt;.requestsPerSecond</c>: at most n requests start in any n / rate seconds, n being the whole requests of a
/// second (at least 1). So 5 is 5 in any second, 0.5 one in any 2 s, 2.5 two in any 0.8 s. A request waits for the
/// time its predecessor n places back started plus that window. (A token bucket refilled on a timer, as this was, let
/// 2n through within less than a second after an idle spell: n from the full bucket, n more at its next refill.)
/// A target host's pacer (<see cref="HostLimit"/>) is one too; a request under both takes one start from each (<see cref="Take"/>).
/// </summary>
internal sealed class RequestPacer : IDisposable
{
    private readonly long[] starts; // when each of the last n requests started (Stopwatch ticks), the oldest at [next]
    private readonly long window;
    private readonly Lock sync = new();
    private readonly SemaphoreSlim turn = new(1, 1);
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
        await UntilAsync(TakeOne(), cancellationToken);
    }

    /// <summary>
    /// Waits, in the order the API's requests come, until its pace lets one start now, without counting it: the request
    /// then takes its start with <see cref="Take"/> (and <see cref="EndTurn"/>), its host's pacer perhaps putting it later.
    /// No other request of the API takes a start meanwhile, so the start it waited for is still free.
    /// </summary>
    public async Task BeginTurnAsync(CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        try
        {
            for (var at = Next(); at > Stopwatch.GetTimestamp(); at = Next())
            {
                await UntilAsync(at, cancellationToken);
            }
        }
        catch
        {
            turn.Release();
            throw;
        }
    }

    /// <summary>Lets the API's next request begin its turn.</summary>
    public void EndTurn() => turn.Release();

    /// <summary>
    /// The start of a request under <paramref name="own"/> (the API's pacer, its turn begun) and <paramref name="host"/> (its
    /// host's), either null for none: the first moment both allow, counted in both at once, so neither counts a start the
    /// other put later (which would let the next requests bunch). The locks are taken in one order (the API's, then the
    /// host's) and held for no wait.
    /// </summary>
    public static long Take(RequestPacer? own, RequestPacer? host)
    {
        if (own is null || host is null)
        {
            return (own ?? host)?.TakeOne() ?? Stopwatch.GetTimestamp();
        }

        lock (own.sync)
        {
            lock (host.sync)
            {
                var at = Math.Max(Stopwatch.GetTimestamp(), Math.Max(own.Earliest, host.Earliest));
                own.Record(at);
                host.Record(at);
                return at;
            }
        }
    }

    /// <summary>Waits until <paramref name="at"/> (Stopwatch ticks); a timer may fire a little early, so it waits again until the time has come.</summary>
    public static async Task UntilAsync(long at, CancellationToken cancellationToken)
    {
        for (var now = Stopwatch.GetTimestamp(); now < at; now = Stopwatch.GetTimestamp())
        {
            await Task.Delay(Stopwatch.GetElapsedTime(now, at) + TimeSpan.FromMilliseconds(1), cancellationToken);
        }
    }

    public void Dispose() => turn.Dispose();

    private long Earliest => starts[next] + window;

    private long Next()
    {
        lock (sync)
        {
            return Earliest;
        }
    }

    /// <summary>The first moment this pacer allows, counted as a start.</summary>
    private long TakeOne()
    {
        lock (sync)
        {
            var at = Math.Max(Stopwatch.GetTimestamp(), Earliest);
            Record(at);
            return at;
        }
    }

    private void Record(long at)
    {
        starts[next] = at;
        next = (next + 1) % starts.Length;
    }
}
