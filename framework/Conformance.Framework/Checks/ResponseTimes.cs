namespace Conformance.Checks;

/// <summary>The largest response time limit (<c>maxResponseMs</c>) a pack or row may set: 10 minutes.</summary>
internal static class ResponseTimes
{
    public const int Max = 600_000;
}
