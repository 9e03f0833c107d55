namespace Conformance.Pact.States;

/// <summary>
/// Puts the reason a provider state was not set up into the verification result: the verifier only reports "One or more
/// of the setup state change handlers has failed", so each interaction with that error gets the failures of its own
/// states (the verifier's result names them, for pacts from files and from a broker alike); and each interaction gets
/// the warnings of its states' teardowns.
/// </summary>
internal static class StateFailures
{
    private const string VerifierError = "state change handlers has failed";

    /// <param name="failures">The last failure of each state that could not be set up, by state name.</param>
    /// <param name="warnings">The teardown warnings by state: shown on every interaction of that state.</param>
    public static PactVerificationResult Explain(PactVerificationResult result, IReadOnlyDictionary<string, string> failures, IReadOnlyDictionary<string, IReadOnlyList<string>> warnings)
    {
        if (failures.Count == 0 && warnings.Count == 0)
        {
            return result;
        }

        return result with
        {
            Interactions = [.. result.Interactions.Select(i => i.Mismatch is { } mismatch && mismatch.Contains(VerifierError, StringComparison.Ordinal)
                ? i with { Mismatch = string.Join(Environment.NewLine, Reasons(i.ProviderStates, failures)) }
                : i with { Warnings = [.. i.ProviderStates.Distinct(StringComparer.Ordinal).SelectMany(s => warnings.GetValueOrDefault(s) ?? [])] })],
        };
    }

    /// <summary>The failures of the interaction's own states; every failure only when the verifier named none of them.</summary>
    private static IEnumerable<string> Reasons(IReadOnlyList<string> states, IReadOnlyDictionary<string, string> failures) =>
        (states.Distinct(StringComparer.Ordinal).Where(failures.ContainsKey).ToList() is { Count: > 0 } own ? own : [.. failures.Keys.Order(StringComparer.Ordinal)]).Select(s => failures[s]);
}
