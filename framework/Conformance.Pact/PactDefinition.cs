namespace Conformance.Pact;

/// <summary>A pact between one consumer and one provider: the interactions the consumer relies on.</summary>
/// <param name="Consumer">The consumer's name, as the broker knows it.</param>
/// <param name="Provider">The provider's name, as the broker knows it.</param>
/// <param name="Interactions">Each a request and the response the consumer expects; descriptions are unique.</param>
public sealed record PactDefinition(string Consumer, string Provider, IReadOnlyList<PactInteraction> Interactions);
