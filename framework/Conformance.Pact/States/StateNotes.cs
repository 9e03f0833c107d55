namespace Conformance.Pact.States;

/// <summary>
/// Puts each setup call's notes (<see cref="ProviderStateResult.Notes"/>: a setup sent again before it passed) on the
/// interaction whose setup it was: the verifier calls the setup of each state of each interaction it runs, in the order of
/// its result, so a state's setup calls line up with the interactions naming it (<see cref="StateFailures"/>). An
/// interaction the verifier did not send (another of its states failed) gets none: its failure says why.
/// </summary>
internal static class StateNotes
{
    public static PactVerificationResult Place(PactVerificationResult result, StateSetups setups)
    {
        var notes = setups.Notes();
        if (notes.Count == 0)
        {
            return result;
        }

        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        return result with
        {
            Interactions = [.. result.Interactions.Select(interaction =>
            {
                var mine = new List<string>();
                foreach (var state in interaction.ProviderStates)
                {
                    var at = next.GetValueOrDefault(state);
                    next[state] = at + 1;
                    if (notes.TryGetValue((state, at), out var note))
                    {
                        mine.Add(note);
                    }
                }

                return mine.Count == 0 || interaction.Unsent ? interaction : interaction with { Notes = [.. interaction.Notes, .. mine] };
            })],
        };
    }
}
