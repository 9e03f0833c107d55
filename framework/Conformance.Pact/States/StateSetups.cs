namespace Conformance.Pact.States;

/// <summary>
/// Every setup call of a verification, by state name, in the order the verifier made them, each with its failure (null
/// when the state was set up). A call's place is taken when it arrives, not when it ends: a setup the verifier gave up
/// on (its timeout) still sits before the next interaction's. The verifier runs interactions one at a time and calls
/// each of an interaction's states in order (every one, also after one failed), so the calls line up with the
/// interactions of its result (<see cref="StateFailures"/>).
/// </summary>
internal sealed class StateSetups
{
    private readonly Dictionary<string, List<string?>> calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> teardowns = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>A setup call of <paramref name="state"/> begins: its place among that state's calls.</summary>
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

    /// <summary>The call at <paramref name="place"/> failed, and why.</summary>
    public void Fail(string state, int place, string failure)
    {
        lock (gate)
        {
            calls[state][place] = failure;
        }
    }

    /// <summary>A teardown of <paramref name="state"/> failed (not a setup call: it takes no place).</summary>
    public void TeardownFailed(string state, string failure)
    {
        lock (gate)
        {
            teardowns[state] = failure;
        }
    }

    /// <summary>Each state's calls in order, each its failure or null.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string?>> Calls()
    {
        lock (gate)
        {
            return calls.ToDictionary(c => c.Key, c => (IReadOnlyList<string?>)[.. c.Value], StringComparer.Ordinal);
        }
    }

    /// <summary>The last failure of each state that could not be set up (or, failing none, torn down).</summary>
    public IReadOnlyDictionary<string, string> LastFailures()
    {
        lock (gate)
        {
            var last = new Dictionary<string, string>(teardowns, StringComparer.Ordinal);
            foreach (var (state, list) in calls.Where(c => c.Value.Any(f => f is not null)))
            {
                last[state] = list.Last(f => f is not null)!;
            }

            return last;
        }
    }
}
