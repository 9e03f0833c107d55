namespace Conformance.Probing;

/// <summary>
/// An <see cref="IProbeSender"/> that keeps each request a scenario builds and sends nothing: the pact export takes the
/// last, a dry run the first. Each send returns a failure, so a scenario that sends several (a burst) stops there.
/// </summary>
public sealed class RecordingSender : IProbeSender
{
    private readonly List<ProbeRequest> requests = [];

    public IReadOnlyList<ProbeRequest> Requests => requests;

    public Task<ProbeStep> SendAsync(ProbeRequest request, CancellationToken cancellationToken)
    {
        requests.Add(request);
        return Task.FromResult(new ProbeStep(request, null, new ProbeFailure("recorded", "Recorded; not sent.")));
    }
}
