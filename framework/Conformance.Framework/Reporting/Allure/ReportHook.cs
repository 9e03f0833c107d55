using System.Collections.Concurrent;
using Conformance.Engine;
using Conformance.Targets;

namespace Conformance.Reporting.Allure;

/// <summary>
/// The two calls the NUnit glue makes: <see cref="Case"/> after each case, <see cref="Finish"/> in the one-time teardown.
/// One writer per run, created on first use. Cases are queued and written by one background consumer, so a test's
/// thread never waits on report I/O (measured at about 4.5 ms a case, bench/README.md); <see cref="Finish"/> drains the
/// queue before the run-level files and the scorecard are written.
/// </summary>
public static class ReportHook
{
    private static readonly Lock Gate = new();
    private static Session? current;

    public static void Case(ConformanceRun run, SettingsSource settings, string? testResultsDirectory, CaseResult result)
    {
        if (!run.WritesNoReports)
        {
            For(run, settings, testResultsDirectory).Add(result);
        }
    }

    /// <returns>
    /// The run-level files written (scorecard.md, scorecard.json, the JUnit report), for the test platform to list, and
    /// what failed to be written, if anything (<see cref="AllureWriter.Problem"/>).
    /// </returns>
    public static ReportOutcome Finish(ConformanceRun? run, SettingsSource settings, string? testResultsDirectory)
    {
        if (run is null || run.WritesNoReports)
        {
            return new ReportOutcome([], null);
        }

        var session = For(run, settings, testResultsDirectory);
        session.Complete();
        session.Writer.Finish();
        return new ReportOutcome(session.Writer.RunFiles, session.Writer.Problem);
    }

    private static Session For(ConformanceRun run, SettingsSource settings, string? testResultsDirectory)
    {
        lock (Gate)
        {
            if (current is null || !ReferenceEquals(current.Run, run))
            {
                current = new Session(run, new AllureWriter(ReportScope.From(run), ReportLocation.Resolve(settings, testResultsDirectory)));
            }

            return current;
        }
    }

    private sealed class Session : IDisposable
    {
        private readonly ConcurrentQueue<CaseResult> queue = new();

        // Spin count 0: the writer sleeps in the kernel until a case arrives. The default spin-then-block waits kept a
        // core busy spinning between cases on a 2-core machine (bench/README.md, profile).
        private readonly ManualResetEventSlim arrived = new(false, 0);
        private readonly Thread consumer;
        private volatile bool completing;

        public Session(ConformanceRun run, AllureWriter writer)
        {
            Run = run;
            Writer = writer;

            // A thread of its own, not the thread pool: the writes are synchronous file I/O, and holding a pool thread
            // for the whole run starved the pool (2 threads on 2 cores) that every probe's continuations and the
            // embedded reference API run on (1,000 rows: 380 -> 620 cases/s with the pool forced wider).
            consumer = new Thread(Drain) { IsBackground = true, Name = "Conformance.Allure" };
            consumer.Start();
        }

        public ConformanceRun Run { get; }

        public AllureWriter Writer { get; }

        public void Add(CaseResult result)
        {
            queue.Enqueue(result);
            arrived.Set();
        }

        /// <summary>Writes what is queued and waits for the writer thread to end.</summary>
        public void Complete()
        {
            if (completing)
            {
                return;
            }

            completing = true;
            arrived.Set();
            consumer.Join();
            Dispose();
        }

        public void Dispose() => arrived.Dispose();

        private void Drain()
        {
            while (true)
            {
                arrived.Reset();
                while (queue.TryDequeue(out var result))
                {
                    Writer.Write(result);
                }

                if (completing && queue.IsEmpty)
                {
                    return;
                }

                arrived.Wait();
            }
        }
    }
}

/// <summary>What the end of a run's reporting left: the run-level files written, and what could not be written (or null).</summary>
public sealed record ReportOutcome(IReadOnlyList<string> Files, string? Problem);
