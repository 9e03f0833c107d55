using System.Collections.Concurrent;
using Microsoft.Testing.Extensions.TrxReport.Abstractions;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.TestHost;
using Microsoft.Testing.Platform.Messages;
using Microsoft.Testing.Platform.Services;

namespace Conformance.Suites;

/// <summary>
/// Lists the run's scorecard files (and the JUnit report, when <c>conformance.junit</c> names one) among the session's
/// artifacts, so <c>dotnet test suites</c> ends by saying where they are (<c>In process file artifacts produced:
/// .../scorecard.md</c>), as it does for a TRX report. The teardown
/// (<see cref="RunSetup"/>) hands over what the report hook wrote; the platform asks when the session finishes. A report
/// that could not be written is one failing case, <see cref="FailedCaseName"/>, so the run is not green while its report
/// is missing (NUnit shows no failure of a one-time teardown under the test platform).
/// </summary>
internal sealed class ReportArtifacts(IMessageBus messageBus) : ITestSessionLifetimeHandler, IDataProducer
{
    private static readonly ConcurrentQueue<string> Written = new();
    private static readonly ConcurrentQueue<string> Problems = new();

    /// <summary>The name of the case that fails when a report could not be written.</summary>
    public const string FailedCaseName = "Conformance reports (not written)";

    public string Uid => "Conformance.Suites.Scorecard";

    public string Version => "1.0.0";

    public string DisplayName => "Conformance scorecard";

    public string Description => "Lists the per-API scorecard files of the run.";

    public Type[] DataTypesProduced => [typeof(SessionFileArtifact), typeof(TestNodeUpdateMessage)];

    /// <summary>Files to list at the end of the session (full paths).</summary>
    public static void Add(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            Written.Enqueue(file);
        }
    }

    /// <summary>What could not be written, each a line of the failing case's message.</summary>
    public static void Fail(IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            Problems.Enqueue(problem);
        }
    }

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);

    public Task OnTestSessionStartingAsync(ITestSessionContext testSessionContext) => Task.CompletedTask;

    public async Task OnTestSessionFinishingAsync(ITestSessionContext testSessionContext)
    {
        if (!Problems.IsEmpty)
        {
            var message = string.Join(Environment.NewLine, Problems);
            Problems.Clear();
            var node = new TestNode
            {
                Uid = new TestNodeUid("Conformance.Suites.Reports"),
                DisplayName = FailedCaseName,
                Properties = new PropertyBag(
                    new FailedTestNodeStateProperty(new IOException(message)),
                    new TrxExceptionProperty(message, null),
                    new TimingProperty(new TimingInfo(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, TimeSpan.Zero)),

                    // The TRX report asks every case for its class and method.
                    new TestMethodIdentifierProperty(typeof(ReportArtifacts).Assembly.FullName!, "Conformance.Suites", nameof(RunSetup), nameof(RunSetup.StopAsync), 0, [], typeof(Task).FullName!)),
            };
            await messageBus.PublishAsync(this, new TestNodeUpdateMessage(testSessionContext.SessionUid, node)).ConfigureAwait(false);
        }

        while (Written.TryDequeue(out var file))
        {
            if (File.Exists(file))
            {
                var (name, description) = file.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                    ? ("Conformance JUnit report", "Every case in JUnit XML (conformance.junit).")
                    : (DisplayName, "Per API: the documented statuses probed, honored and observed.");
                await messageBus.PublishAsync(this, new SessionFileArtifact(testSessionContext.SessionUid, new FileInfo(file), name, description)).ConfigureAwait(false);
            }
        }
    }
}
