using System.Text.Json.Nodes;

namespace Conformance.Pact;

/// <summary>One request the consumer sends and the response it expects.</summary>
/// <param name="Description">Unique within the pact; the verifier reports results under it.</param>
/// <param name="ProviderState">The state the provider must be in first (sent to the state-change URL), or null.</param>
/// <param name="Request">The request.</param>
/// <param name="Response">The expected response.</param>
public sealed record PactInteraction(string Description, string? ProviderState, PactRequest Request, PactResponse Response)
{
    /// <summary>
    /// Further provider states, given after <see cref="ProviderState"/>, each with parameters (for example the state a
    /// setup creates, with the captured variables and their example values).
    /// </summary>
    public IReadOnlyList<PactProviderState> States { get; init; } = [];
}

/// <summary>A provider state with parameters, sent to the state-change URL as <c>{"state": Name, "params": Params}</c>.</summary>
/// <param name="Name">The state's name.</param>
/// <param name="Params">Its parameters: names and example values.</param>
public sealed record PactProviderState(string Name, IReadOnlyDictionary<string, JsonNode?> Params);
