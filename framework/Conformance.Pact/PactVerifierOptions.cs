namespace Conformance.Pact;

/// <summary>The provider under verification.</summary>
/// <param name="ProviderName">The provider's name in the pacts.</param>
/// <param name="ProviderBaseUri">Where the provider listens, e.g. https://staging.example.com/api/.</param>
public sealed record PactVerifierOptions(string ProviderName, Uri ProviderBaseUri)
{
    /// <summary>
    /// The provider's state-change endpoint, or null to skip provider states. The verifier POSTs
    /// <c>{"action":"setup","params":{},"state":"..."}</c> to it before each interaction (state "" when none).
    /// </summary>
    public Uri? ProviderStateChangeUri { get; init; }

    /// <summary>
    /// Sets up provider states in-process when <see cref="ProviderStateChangeUri"/> is null (a given URI wins): the
    /// verification serves it on a loopback state-change endpoint (127.0.0.1, a port the system picks, stopped when the
    /// verification ends), with teardown calls, and an interaction whose state it could not set up is reported with the
    /// handler's reason (e.g. <see cref="States.SetupStates"/>: the setup operation, its status and a masked curl line).
    /// </summary>
    public States.IProviderStateHandler? StateHandler { get; init; }

    /// <summary>Whether the verifier also calls the state-change URL to tear each state down after its interaction.</summary>
    public bool StateChangeTeardown { get; init; }

    /// <summary>How long one request to the provider may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether the verifier follows redirects. Off by default: a 3xx and its Location are part of the contract,
    /// so the verifier compares the redirect itself.
    /// </summary>
    public bool FollowRedirects { get; init; }

    /// <summary>
    /// Verify only the interactions with these descriptions (exact), or null for all. The others are not sent at all;
    /// the verifier publishes no results for a filtered run.
    /// </summary>
    public IReadOnlyCollection<string>? OnlyDescriptions { get; init; }

    /// <summary>Headers added to every request (e.g. an Authorization for staging).</summary>
    public IReadOnlyDictionary<string, string> CustomHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Publish the verification results to the broker the pacts came from (what can-i-deploy reads), or null to
    /// publish nothing. Pacts read from files have no broker to publish to.
    /// </summary>
    public PactPublishOptions? Publish { get; init; }

    /// <summary>
    /// Keep the verifier's own report off the process's standard output (it prints mismatches, and what the provider
    /// answered, by itself); <see cref="PactVerificationResult.Output"/> still has it. Other output of the process while
    /// the verifier runs is dropped too. Unix only.
    /// </summary>
    public bool QuietConsole { get; init; }
}

/// <summary>How verification results are published: the provider version they are recorded against, and its branch.</summary>
/// <param name="ProviderVersion">The provider's version, e.g. the git SHA of the deployed build.</param>
public sealed record PactPublishOptions(string ProviderVersion)
{
    /// <summary>The provider version's branch (e.g. main), recorded with the results.</summary>
    public string? ProviderBranch { get; init; }

    /// <summary>A link to the CI build that verified, shown by the broker.</summary>
    public Uri? BuildUrl { get; init; }

    /// <summary>Tags for the provider version (older brokers; branches replace them).</summary>
    public IReadOnlyList<string> ProviderTags { get; init; } = [];
}
