using Conformance.Probing;
using Conformance.Targets;

namespace Conformance.Engine;

/// <summary>Refuses mutating requests on targets that do not allow mutation, before anything is sent; the rest go to <paramref name="next"/> (else the client).</summary>
internal sealed class MutationGuard(TargetClient client, IProbeSender? next = null) : IProbeSender
{
    public Task<ProbeStep> SendAsync(ProbeRequest request, CancellationToken cancellationToken) =>
        Mutation.Refusal(request.Method, client.Options) is { } refusal
            ? Task.FromResult(new ProbeStep(request, null, new ProbeFailure("mutation_refused", refusal)))
            : (next ?? client).SendAsync(request, cancellationToken);
}
