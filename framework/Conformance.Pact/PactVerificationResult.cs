namespace Conformance.Pact;

/// <summary>The outcome of one verification run.</summary>
/// <param name="Passed">True when the verifier ran and every (non-pending) interaction passed.</param>
/// <param name="Interactions">One result per verified interaction.</param>
/// <param name="Output">The verifier's console report, ANSI codes removed.</param>
public sealed record PactVerificationResult(bool Passed, IReadOnlyList<InteractionVerification> Interactions, string Output)
{
    /// <summary>
    /// Why verification results asked for (<see cref="PactVerifierOptions.Publish"/>) did not reach the broker: one line
    /// per request it refused or did not answer, with the status and the URL (its user info masked); empty when they
    /// did, or none were asked for. It does not change <see cref="Passed"/>.
    /// </summary>
    public IReadOnlyList<string> PublishFailures { get; init; } = [];
}

/// <summary>The result of one interaction.</summary>
/// <param name="Description">The interaction's description.</param>
/// <param name="Passed">Whether the provider's response satisfied the pact.</param>
/// <param name="Mismatch">What differed, one line per mismatch; null when passed.</param>
public sealed record InteractionVerification(string Description, bool Passed, string? Mismatch)
{
    /// <summary>True when the broker marked the pact pending: a failure here does not fail the run.</summary>
    public bool Pending { get; init; }

    /// <summary>
    /// True when the verifier had no response to compare (the request failed: refused, reset, timed out; or the
    /// provider state could not be set up): no verdict on the contract, <see cref="Mismatch"/> says why.
    /// </summary>
    public bool Broken { get; init; }

    /// <summary>The names of this interaction's provider states, in order, as the verifier reports them.</summary>
    public IReadOnlyList<string> ProviderStates { get; init; } = [];

    /// <summary>What the teardown of this interaction's provider states could not undo (a cleanup that failed), masked.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>What its provider states' setups did before it that its report says, masked: each setup attempt sent again (RETRIED ...).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// True when the verifier sent no request for this interaction: one of its provider states could not be set up
    /// (the verifier's "One or more of the setup state change handlers has failed").
    /// </summary>
    internal bool Unsent { get; init; }

    /// <summary>The credentials the provider's response handed out, as the mismatches quote them; masked in <see cref="Mismatch"/> and the output.</summary>
    internal IReadOnlyList<string> HandedOut { get; init; } = [];
}
