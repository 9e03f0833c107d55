namespace Conformance.Pact;

/// <summary>One request the consumer sends and the response it expects.</summary>
/// <param name="Description">Unique within the pact; the verifier reports results under it.</param>
/// <param name="ProviderState">The state the provider must be in first (sent to the state-change URL), or null.</param>
/// <param name="Request">The request.</param>
/// <param name="Response">The expected response.</param>
public sealed record PactInteraction(string Description, string? ProviderState, PactRequest Request, PactResponse Response);
