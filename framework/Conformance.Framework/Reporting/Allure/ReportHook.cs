using System.Threading.Channels;
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

    public static void Case(ConformanceRun run, SettingsSource settings, string? testResultsDirectory, CaseResult result) =>
        For(run, settings, testResultsDirectory).Queue.Writer.TryWrite(result);

    public static void Finish(ConformanceRun? run, SettingsSource settings, string? testResultsDirectory)
    {
        if (run is null)
        {
            return;
        }

        var session = For(run, settings, testResultsDirectory);
        session.Queue.Writer.TryComplete();
        session.Consumer.GetAwaiter().GetResult();
        session.Writer.Finish();
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

    private sealed class Session
    {
        public Session(ConformanceRun run, AllureWriter writer)
        {
            Run = run;
            Writer = writer;
            Consumer = Task.Run(async () =>
            {
                await foreach (var result in Queue.Reader.ReadAllAsync())
                {
                    Writer.Write(result);
                }
            });
        }

        public ConformanceRun Run { get; }

        public AllureWriter Writer { get; }

        public Channel<CaseResult> Queue { get; } = Channel.CreateUnbounded<CaseResult>(new UnboundedChannelOptions { SingleReader = true });

        public Task Consumer { get; }
    }
}
