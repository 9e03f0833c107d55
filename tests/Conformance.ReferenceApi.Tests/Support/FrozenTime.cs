namespace Conformance.ReferenceApi.Tests.Support;

/// <summary>A clock that never moves: every request lands in the same rate-limit window.</summary>
internal sealed class FrozenTime : TimeProvider
{
    public override long GetTimestamp() => 1_000_000;
}
