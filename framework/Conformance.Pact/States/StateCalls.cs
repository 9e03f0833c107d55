namespace Conformance.Pact.States;

/// <summary>
/// The state-change calls of one kind (setups, or teardowns) of a verification, by state name, in the order the
/// verifier made them, each with a note (a setup's failure, a teardown's warning) or null. A call's place is taken
/// when it arrives, not when it ends: a call the verifier gave up on (its timeout) still sits before the next one.
/// </summary>
internal sealed class StateCalls
{
    private readonly Dictionary<string, List<string?>> calls = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>A call of <paramref name="state"/> begins: its place among that state's calls.</summary>
    public int Begin(string state)
    {
        lock (gate)
        {
            if (!calls.TryGetValue(state, out var list))
            {
                calls[state] = list = [];
            }

            list.Add(null);
            return list.Count - 1;
        }
    }

    /// <summary>What the call at <paramref name="place"/> of <paramref name="state"/> ended with.</summary>
    public void Note(string state, int place, string note)
    {
        lock (gate)
        {
            calls[state][place] = note;
        }
    }

    /// <summary>Each state's calls in order, each its note or null.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string?>> Calls()
    {
        lock (gate)
        {
            return calls.ToDictionary(c => c.Key, c => (IReadOnlyList<string?>)[.. c.Value], StringComparer.Ordinal);
        }
    }
}
