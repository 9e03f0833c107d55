namespace Conformance.Pact.States;

/// <summary>
/// Every setup call of a verification, by state name, in the order the verifier made them, each with its failure (null
/// when the state was set up), and every teardown call with its warning (a cleanup that failed). The verifier runs
/// interactions one at a time, calls each of an interaction's states in order (every one, also after one failed), and
/// tears down the states of each interaction whose setups all passed, so the calls line up with the interactions of its
/// result (<see cref="StateFailures"/>).
/// </summary>
internal sealed class StateSetups
{
    private readonly StateCalls setups = new();
    private readonly StateCalls teardowns = new();
    private readonly Dictionary<string, string> teardownFailures = new(StringComparer.Ordinal);
    private readonly Dictionary<(string State, int Place), string> notes = [];
    private readonly Lock gate = new();

    /// <summary>A setup call of <paramref name="state"/> begins: its place among that state's calls.</summary>
    public int Begin(string state) => setups.Begin(state);

    /// <summary>The call at <paramref name="place"/> failed, and why.</summary>
    public void Fail(string state, int place, string failure) => setups.Note(state, place, failure);

    /// <summary>What the report of the setup call at <paramref name="place"/> says (<see cref="ProviderStateResult.Notes"/>), one line each.</summary>
    public void Note(string state, int place, string note)
    {
        lock (gate)
        {
            notes[(state, place)] = note;
        }
    }

    /// <summary>The notes of the setup calls, by state and place among that state's setup calls.</summary>
    public IReadOnlyDictionary<(string State, int Place), string> Notes()
    {
        lock (gate)
        {
            return new Dictionary<(string State, int Place), string>(notes);
        }
    }

    /// <summary>A teardown call of <paramref name="state"/> begins: its place among that state's teardowns.</summary>
    public int BeginTeardown(string state) => teardowns.Begin(state);

    /// <summary>The teardown at <paramref name="place"/> left something behind, and what (a cleanup that failed).</summary>
    public void Warn(string state, int place, string warning) => teardowns.Note(state, place, warning);

    /// <summary>A teardown of <paramref name="state"/> failed (the verifier then reports the interaction failed).</summary>
    public void TeardownFailed(string state, string failure)
    {
        lock (gate)
        {
            teardownFailures[state] = failure;
        }
    }

    /// <summary>Each state's setup calls in order, each its failure or null.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string?>> Calls() => setups.Calls();

    /// <summary>Each state's teardown calls in order, each its warning or null.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string?>> Teardowns() => teardowns.Calls();

    /// <summary>The last failure of each state that could not be set up (or, failing none, torn down).</summary>
    public IReadOnlyDictionary<string, string> LastFailures()
    {
        Dictionary<string, string> last;
        lock (gate)
        {
            last = new Dictionary<string, string>(teardownFailures, StringComparer.Ordinal);
        }

        foreach (var (state, list) in setups.Calls().Where(c => c.Value.Any(f => f is not null)))
        {
            last[state] = list.Last(f => f is not null)!;
        }

        return last;
    }
}
