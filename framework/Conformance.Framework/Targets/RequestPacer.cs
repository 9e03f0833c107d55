namespace Conformance.Targets;

/// <summary>
/// <c>&lt;api&gt;.requestsPerSecond</c>: at most n requests start in any n / rate seconds, n being the whole requests of a
/// second (at least 1). So 5 is 5 in any second, 0.5 one in any 2 s, 2.5 two in any 0.8 s. A request waits for the
/// time its predecessor n places back started plus that window. (A token bucket refilled on a timer, as this was, let
/// 2n through within less than a second after an idle spell: n from the full bucket, n more at its next refill.)
/// A target host's pacer (<see cref="HostLimit"/>) is one too; a request under both takes one start from each (<see cref="Take"/>).
/// Time is the run's clock (<c>ConformanceRun.Time</c>): its timestamps and its waits.
/// </summary>
internal sealed class RequestPacer : IDisposable
{
    private readonly long[] starts; // when each of the last n requests started (the clock's timestamps), the oldest at [next]
    private readonly double requestsPerSecond;
    private readonly Func<TimeProvider> time;
    private readonly Lock sync = new();
    private readonly SemaphoreSlim turn = new(1, 1);
    private int next;

    /// <param name="time">The run's clock, asked at each use (the run's is set once it is made).</param>
    public RequestPacer(double requestsPerSecond, Func<TimeProvider> time)
    {
        starts = new long[Math.Max(1, (int)Math.Floor(requestsPerSecond))];
        this.requestsPerSecond = requestsPerSecond;
        this.time = time;
        Array.Fill(starts, long.MinValue / 2);
    }

    /// <summary>Waits until a request may start, and counts it as started then.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var clock = time();
        await UntilAsync(TakeOne(clock), clock, cancellationToken);
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
            var clock = time();
            for (var at = Next(clock); at > clock.GetTimestamp(); at = Next(clock))
            {
                await UntilAsync(at, clock, cancellationToken);
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
    /// host's) and held for no wait. <paramref name="clock"/> is the run's, as both pacers'.
    /// </summary>
    public static long Take(RequestPacer? own, RequestPacer? host, TimeProvider clock)
    {
        if (own is null || host is null)
        {
            return (own ?? host)?.TakeOne(clock) ?? clock.GetTimestamp();
        }

        lock (own.sync)
        {
            lock (host.sync)
            {
                var at = Math.Max(clock.GetTimestamp(), Math.Max(own.Earliest(clock), host.Earliest(clock)));
                own.Record(at);
                host.Record(at);
                return at;
            }
        }
    }

    /// <summary>
    /// Waits until <paramref name="at"/> (a timestamp of <paramref name="clock"/>), in whole milliseconds rounded up (a
    /// system timer's unit): a timer may fire a little early, so it waits again until the time has come, never for nothing.
    /// </summary>
    public static async Task UntilAsync(long at, TimeProvider clock, CancellationToken cancellationToken)
    {
        for (var now = clock.GetTimestamp(); now < at; now = clock.GetTimestamp())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(clock.GetElapsedTime(now, at).TotalMilliseconds)), clock, cancellationToken);
        }
    }

    public void Dispose() => turn.Dispose();

    /// <summary>When the start n places back allows the next: it plus n / rate seconds, in <paramref name="clock"/>'s timestamps.</summary>
    private long Earliest(TimeProvider clock) => starts[next] + (long)Math.Ceiling(starts.Length / requestsPerSecond * clock.TimestampFrequency);

    private long Next(TimeProvider clock)
    {
        lock (sync)
        {
            return Earliest(clock);
        }
    }

    /// <summary>The first moment this pacer allows, counted as a start.</summary>
    private long TakeOne(TimeProvider clock)
    {
        lock (sync)
        {
            var at = Math.Max(clock.GetTimestamp(), Earliest(clock));
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
