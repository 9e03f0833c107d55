using System.Text.Json.Nodes;

namespace Conformance.Pact.States;

/// <summary>
/// Sets up (and tears down) provider states in-process during a verification: <see cref="PactVerifier"/> serves it on a
/// loopback state-change endpoint when <see cref="PactVerifierOptions.StateHandler"/> is set and no
/// <see cref="PactVerifierOptions.ProviderStateChangeUri"/> is.
/// </summary>
public interface IProviderStateHandler
{
    /// <summary>Sets up or tears down one state; the values returned fill the interaction's ProviderState generators.</summary>
    Task<ProviderStateResult> ChangeAsync(ProviderStateChange change, CancellationToken cancellationToken);
}

/// <summary>One call of the verifier's state-change request.</summary>
/// <param name="State">The state's name ("" for an interaction without one).</param>
/// <param name="Params">The state's params as the pact gives them.</param>
/// <param name="Setup">True for setup, false for teardown.</param>
public sealed record ProviderStateChange(string State, JsonObject Params, bool Setup);

/// <summary>What a state change gave: values for the generators, or why the state could not be set up.</summary>
/// <param name="Values">Returned to the verifier as the JSON object its ProviderState generators read.</param>
/// <param name="Failure">Why the state is not set up (secrets masked), or null when it is.</param>
public sealed record ProviderStateResult(JsonObject Values, string? Failure)
{
    /// <summary>
    /// Values among <see cref="Values"/> (or sent with them) that are secrets, such as a captured session token the
    /// interaction sends in a credential header: masked wherever the verification result shows them (mismatches,
    /// warnings, the verifier's output).
    /// </summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>
    /// Something a teardown could not undo (a cleanup that failed), reported on the interaction whose teardown it was
    /// (a setup's is not reported).
    /// </summary>
    public string? Warning { get; init; }

    /// <summary>
    /// What the report of the interaction whose setup this was should say of it, one line each: a setup attempt sent again
    /// before it passed (<c>RETRIED setup (create_note) after 503 Service Unavailable (Retry-After: none)</c>). Kept for a
    /// setup only.
    /// </summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Nothing to do, nothing to give.</summary>
    public static ProviderStateResult None => new([], null);

    /// <summary>The state could not be set up, and why.</summary>
    public static ProviderStateResult Failed(string failure) => new([], failure);
}
