namespace Conformance.Pact.States;

/// <summary>
/// Puts the reason a provider state was not set up into the verification result: the verifier only reports "One or more
/// of the setup state change handlers has failed", so each interaction with that error gets the failure of its own
/// setup call (the verifier's result names each interaction's states, for pacts from files and from a broker alike, and
/// lists the interactions in the order it ran them, each state's setup calls in the same order: one state failing
/// differently for two interactions gives each its own reason); and each interaction gets the warnings of its own
/// states' teardowns, once: the verifier tears down the states of each interaction whose setups passed, right after
/// it, so each state's teardown calls line up with those interactions (when they do not, every interaction of that
/// state is given the state's warnings rather than none losing them).
/// </summary>
internal static class StateFailures
{
    private const string VerifierError = "state change handlers has failed";

    /// <param name="setups">Every setup and teardown call of the verification, by state, in order (<see cref="StateSetups"/>).</param>
    public static PactVerificationResult Explain(PactVerificationResult result, StateSetups setups)
    {
        var last = setups.LastFailures();
        var teardowns = setups.Teardowns();
        if (last.Count == 0 && !teardowns.Values.Any(t => t.Any(w => w is not null)))
        {
            return result;
        }

        var calls = setups.Calls();
        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        var torn = TornDown(result.Interactions, teardowns);
        var explained = new List<InteractionVerification>();
        foreach (var interaction in result.Interactions)
        {
            var own = OwnFailure(interaction.ProviderStates, calls, next);
            var warnings = torn.Dequeue();
            explained.Add(interaction.Mismatch is { } mismatch && mismatch.Contains(VerifierError, StringComparison.Ordinal)
                ? interaction with { Mismatch = own ?? string.Join(Environment.NewLine, Reasons(interaction.ProviderStates, last)) }
                : interaction with { Warnings = warnings });
        }

        return result with { Interactions = explained };
    }

    /// <summary>
    /// The teardown warnings of each interaction, in order: for each of its states, the next teardown call of that state
    /// (an interaction whose setup failed has none). A state whose calls do not line up with its interactions (a
    /// teardown the verifier did not make) gives each of them all of that state's warnings.
    /// </summary>
    private static Queue<IReadOnlyList<string>> TornDown(IReadOnlyList<InteractionVerification> interactions, IReadOnlyDictionary<string, IReadOnlyList<string?>> teardowns)
    {
        var torn = interactions.Where(i => !i.Unsent).SelectMany(i => i.ProviderStates).GroupBy(s => s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        var warnings = new Queue<IReadOnlyList<string>>();
        foreach (var interaction in interactions)
        {
            var own = new List<string>();
            foreach (var state in interaction.Unsent ? [] : interaction.ProviderStates)
            {
                var calls = teardowns.GetValueOrDefault(state) ?? [];
                var at = next.GetValueOrDefault(state);
                next[state] = at + 1;
                if (calls.Count != torn[state])
                {
                    own.AddRange(calls.OfType<string>());
                }
                else if (calls[at] is { } warning)
                {
                    own.Add(warning);
                }
            }

            warnings.Enqueue([.. own.Distinct(StringComparer.Ordinal)]);
        }

        return warnings;
    }

    /// <summary>
    /// The failures of the interaction's own setup calls, one a line: the next call of each of its states (the verifier
    /// calls every one, also after one failed); null when none failed or the calls do not line up.
    /// </summary>
    private static string? OwnFailure(IReadOnlyList<string> states, IReadOnlyDictionary<string, IReadOnlyList<string?>> calls, Dictionary<string, int> next)
    {
        var own = new List<string>();
        foreach (var state in states)
        {
            var at = next.GetValueOrDefault(state);
            next[state] = at + 1;
            if (calls.GetValueOrDefault(state) is { } list && at < list.Count && list[at] is { } failure)
            {
                own.Add(failure);
            }
        }

        return own.Count == 0 ? null : string.Join(Environment.NewLine, own);
    }

    /// <summary>The last failures of the interaction's own states; every failure only when the verifier named none of them.</summary>
    private static IEnumerable<string> Reasons(IReadOnlyList<string> states, IReadOnlyDictionary<string, string> failures) =>
        (states.Distinct(StringComparer.Ordinal).Where(failures.ContainsKey).ToList() is { Count: > 0 } own ? own : [.. failures.Keys.Order(StringComparer.Ordinal)]).Select(s => failures[s]);
}
