namespace Conformance.Targets;

/// <summary>
/// One target host's limit (<c>conformance.hostConcurrency</c>, <c>conformance.hostRequestsPerSecond</c>), shared by every
/// API whose requests go to it, on top of each API's own. A request, holding one of its API's concurrency slots, waits in
/// its API's order until the API's pace lets it start (<see cref="RequestPacer.BeginTurnAsync"/>), then for one of the
/// host's slots, then takes the first start both pacers allow. So it never holds a host slot while its own API's pace
/// holds it back, and the slots are always taken in one order (the API's, its turn, the host's): no two requests wait
/// for each other. Every wait is in order of arrival and bounded, so none waits for ever behind others.
/// </summary>
internal sealed class HostLimit : IDisposable
{
    private readonly SemaphoreSlim? slots;
    private readonly RequestPacer? pacer;
    private readonly Func<TimeProvider> time;

    /// <param name="concurrency">Requests at a time to the host; 0: no bound.</param>
    /// <param name="requestsPerSecond">Requests a second to the host, as <c>&lt;api&gt;.requestsPerSecond</c>; 0: no pacing.</param>
    /// <param name="time">The run's clock, the one the APIs' pacers keep (<see cref="RequestPacer"/>).</param>
    public HostLimit(int concurrency, double requestsPerSecond, Func<TimeProvider> time)
    {
        slots = concurrency > 0 ? new SemaphoreSlim(concurrency) : null;
        pacer = requestsPerSecond > 0 ? new RequestPacer(requestsPerSecond, time) : null;
        this.time = time;
    }

    /// <summary>Sends with <paramref name="send"/> once both <paramref name="own"/> (the API's pacer, null for none) and the host allow.</summary>
    public async Task<T> SendAsync<T>(RequestPacer? own, Func<Task<T>> send, CancellationToken cancellationToken)
    {
        long at;
        var clock = time();
        if (own is not null)
        {
            await own.BeginTurnAsync(cancellationToken);
        }

        try
        {
            if (slots is not null)
            {
                await slots.WaitAsync(cancellationToken);
            }

            at = RequestPacer.Take(own, pacer, clock);
        }
        finally
        {
            own?.EndTurn();
        }

        try
        {
            await RequestPacer.UntilAsync(at, clock, cancellationToken);
            return await send();
        }
        finally
        {
            slots?.Release();
        }
    }

    public void Dispose()
    {
        slots?.Dispose();
        pacer?.Dispose();
    }
}
