namespace Conformance.Pact;

/// <summary>Pacts fetched from a Pact Broker (or PactFlow) for the provider being verified.</summary>
/// <param name="BrokerUri">The broker's base URL.</param>
/// <param name="ConsumerVersionSelectors">
/// Selectors as JSON documents, e.g. <c>{"mainBranch":true}</c> or <c>{"deployedOrReleased":true}</c>.
/// </param>
public sealed record PactBrokerSource(Uri BrokerUri, IReadOnlyList<string> ConsumerVersionSelectors) : PactSource
{
    /// <summary>Bearer token, or null.</summary>
    public string? Token { get; init; }

    /// <summary>Basic-auth user name, or null.</summary>
    public string? Username { get; init; }

    /// <summary>Basic-auth password, or null.</summary>
    public string? Password { get; init; }

    /// <summary>The provider's branch, used by pending and WIP pacts.</summary>
    public string? ProviderBranch { get; init; }

    /// <summary>Whether pacts not yet verified by this provider may fail without failing the run.</summary>
    public bool EnablePending { get; init; }

    /// <summary>
    /// How long one request to the broker may take (reading the pacts, publishing the results); one not answered in time
    /// is a failure of the broker's, as a 5xx is (<see cref="BrokerFailure"/>).
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
