namespace Conformance.Pact.States;

/// <summary>A cleanup run when the verification ended that did not pass: of which setup call of which state, and its warning.</summary>
/// <param name="Call">The setup call's place among that state's setup calls, in the order they came.</param>
internal sealed record LeftOver(string State, int Call, string Warning);

/// <summary>
/// Puts each cleanup that failed when the verification ended among the warnings of the interaction whose setup made
/// what remains: the verifier calls the setup of each state of each interaction it runs, in the order of its result,
/// so a state's setup calls line up with the interactions naming it. One whose call does not line up is given to each
/// interaction naming that state.
/// </summary>
internal static class LeftOvers
{
    public static PactVerificationResult Place(PactVerificationResult result, IReadOnlyList<LeftOver> left)
    {
        if (left.Count == 0)
        {
            return result;
        }

        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        var own = result.Interactions.Select(i => i.ProviderStates.Select(state =>
        {
            var call = next.GetValueOrDefault(state);
            next[state] = call + 1;
            return (state, call);
        }).ToList()).ToList();
        var placed = left.Where(l => own.Any(calls => calls.Contains((l.State, l.Call)))).ToHashSet();
        return result with
        {
            Interactions = [.. result.Interactions.Select((interaction, i) =>
            {
                var mine = left.Where(l => placed.Contains(l) ? own[i].Contains((l.State, l.Call)) : interaction.ProviderStates.Contains(l.State)).Select(l => l.Warning).ToList();
                return mine.Count == 0 ? interaction : interaction with { Warnings = [.. interaction.Warnings, .. mine] };
            })],
        };
    }
}
