using Conformance.Probing;

namespace Conformance.Pact.Export;

/// <summary>An <see cref="IProbeSender"/> that keeps each request a scenario builds and sends nothing.</summary>
internal sealed class RecordingSender : IProbeSender
{
    private readonly List<ProbeRequest> requests = [];

    public IReadOnlyList<ProbeRequest> Requests => requests;

    public Task<ProbeStep> SendAsync(ProbeRequest request, CancellationToken cancellationToken)
    {
        requests.Add(request);
        return Task.FromResult(new ProbeStep(request, null, new ProbeFailure("recorded", "Recorded for a pact; not sent.")));
    }
}
