using Conformance.Probing;

namespace Conformance.Engine;

/// <summary>
/// <c>conformance.dryRun=true</c>: a scenario runs against a sender that records its first request and sends nothing,
/// so a case can say what it would send (a QA lead reviews what a run would do to staging before it does it).
/// </summary>
internal static class DryRun
{
    public const string Kind = "dry_run";

    /// <summary>The scenario's first request; the scenario sees a failure and stops there.</summary>
    public static async Task<ProbeRequest?> FirstRequestAsync(IScenario scenario, ScenarioInput input, CancellationToken cancellationToken)
    {
        var recorder = new Recorder();
        await scenario.RunAsync(input, recorder, cancellationToken);
        return recorder.First;
    }

    private sealed class Recorder : IProbeSender
    {
        public ProbeRequest? First { get; private set; }

        public Task<ProbeStep> SendAsync(ProbeRequest request, CancellationToken cancellationToken)
        {
            First ??= request;
            return Task.FromResult(new ProbeStep(request, null, new ProbeFailure(Kind, "conformance.dryRun is true: nothing is sent")));
        }
    }
}
