using System.Collections.Concurrent;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// A clock whose waits end at once (<c>Task.Delay(wait, time)</c> returns on the thread pool) and which records each wait
/// asked for, so a backoff is pinned without the test sleeping through it. The time of day is the system's, or
/// <see cref="Now"/> when set (a message that names a time is then pinned whole).
/// </summary>
internal sealed class InstantTime : TimeProvider
{
    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    /// <summary>The time of day this clock gives, always; null: the system's.</summary>
    public DateTimeOffset? Now { get; init; }

    public override DateTimeOffset GetUtcNow() => Now ?? base.GetUtcNow();

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
