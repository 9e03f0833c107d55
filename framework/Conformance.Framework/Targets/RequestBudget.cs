namespace Conformance.Targets;

/// <summary>A per-run cap on requests sent, shared by every target, so a run can never hammer staging.</summary>
public sealed class RequestBudget(int limit)
{
    private int used;

    public int Limit => limit;

    public int Used => Volatile.Read(ref used);

    public bool TryTake() => Interlocked.Increment(ref used) <= limit;

    /// <summary>Gives back a request taken by <see cref="TryTake"/> that was then not sent.</summary>
    public void Return() => Interlocked.Decrement(ref used);
}
