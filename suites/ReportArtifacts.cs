using System.Collections.Concurrent;
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
/// (<see cref="RunSetup"/>) hands over what the report hook wrote; the platform asks when the session finishes.
/// </summary>
internal sealed class ReportArtifacts(IMessageBus messageBus) : ITestSessionLifetimeHandler, IDataProducer
{
    private static readonly ConcurrentQueue<string> Written = new();

    public string Uid => "Conformance.Suites.Scorecard";

    public string Version => "1.0.0";

    public string DisplayName => "Conformance scorecard";

    public string Description => "Lists the per-API scorecard files of the run.";

    public Type[] DataTypesProduced => [typeof(SessionFileArtifact)];

    /// <summary>Files to list at the end of the session (full paths).</summary>
    public static void Add(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            Written.Enqueue(file);
        }
    }

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);

    public Task OnTestSessionStartingAsync(ITestSessionContext testSessionContext) => Task.CompletedTask;

    public async Task OnTestSessionFinishingAsync(ITestSessionContext testSessionContext)
    {
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
