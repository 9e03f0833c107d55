using System.Collections.Concurrent;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// A clock whose waits end at once (<c>Task.Delay(wait, time)</c> returns on the thread pool) and which records each wait
/// asked for, so a backoff is pinned without the test sleeping through it. The time of day is the system's, or
/// <see cref="Now"/> when set (a message that names a time is then pinned whole). Its timestamps (the request pacers'
/// clock) start at 0 and move on past each wait when it ends, so a pacer's wait ends at once too, as if its time had passed.
/// </summary>
internal sealed class InstantTime : TimeProvider
{
    private long ticks;

    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    /// <summary>The time of day this clock gives, always; null: the system's.</summary>
    public DateTimeOffset? Now { get; init; }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => Now ?? base.GetUtcNow();

    public override long GetTimestamp() => Interlocked.Read(ref ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Waits.Enqueue(dueTime);
            var due = GetTimestamp() + dueTime.Ticks;
            ThreadPool.QueueUserWorkItem(_ =>
            {
                MoveTo(due);
                callback(state);
            });
        }

        return new Fired();
    }

    private void MoveTo(long due)
    {
        for (var now = Interlocked.Read(ref ticks); now < due; now = Interlocked.Read(ref ticks))
        {
            if (Interlocked.CompareExchange(ref ticks, due, now) == now)
            {
                return;
            }
        }
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
