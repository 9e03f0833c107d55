namespace Conformance.Engine;

/// <summary>
/// Per-API readers-writer gate: ordinary rows share it, a row that must run alone (a rate-limit burst) takes it
/// exclusively, so a provoked limit never spoils another row. Writers are not starved (turnstile).
/// </summary>
internal sealed class ApiGate : IDisposable
{
    private readonly SemaphoreSlim turnstile = new(1, 1);
    private readonly SemaphoreSlim mutex = new(1, 1);
    private readonly SemaphoreSlim roomEmpty = new(1, 1);
    private int readers;

    public async Task<IAsyncDisposable> EnterAsync(bool exclusive, CancellationToken cancellationToken)
    {
        if (exclusive)
        {
            await turnstile.WaitAsync(cancellationToken);
            await roomEmpty.WaitAsync(cancellationToken);
            return new Release(() =>
            {
                turnstile.Release();
                roomEmpty.Release();
            });
        }

        await turnstile.WaitAsync(cancellationToken);
        turnstile.Release();
        await mutex.WaitAsync(cancellationToken);
        if (++readers == 1)
        {
            await roomEmpty.WaitAsync(cancellationToken);
        }

        mutex.Release();
        return new Release(async () =>
        {
            await mutex.WaitAsync(CancellationToken.None);
            if (--readers == 0)
            {
                roomEmpty.Release();
            }

            mutex.Release();
        });
    }

    public void Dispose()
    {
        turnstile.Dispose();
        mutex.Dispose();
        roomEmpty.Dispose();
    }

    private sealed class Release(Func<Task> action) : IAsyncDisposable
    {
        public Release(Action action)
            : this(() =>
            {
                action();
                return Task.CompletedTask;
            })
        {
        }

        public async ValueTask DisposeAsync() => await action();
    }
}
