using System.Collections.Concurrent;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// A clock whose waits end at once (<c>Task.Delay(wait, time)</c> returns on the thread pool) and which records each wait
/// asked for, so a backoff is pinned without the test sleeping through it. The time of day is the system's.
/// </summary>
internal sealed class InstantTime : TimeProvider
{
    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Waits.Enqueue(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new Fired();
    }

    private sealed class Fired : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
