namespace Conformance.Targets;

/// <summary>
/// The most a numeric setting takes: a value that parses but that no timer or pacer can hold (<c>Infinity</c>,
/// <c>1e300</c>, a timeout of a month) is CT0303 with the other settings' errors, not an exception while they are read.
/// </summary>
internal sealed record NumberLimit(double Max, string Beyond, string Takes)
{
    /// <summary>A day: longer than any request, wait or pause a run should make, and within what a timer takes.</summary>
    public const int MaxSeconds = 86_400;

    public static readonly NumberLimit Seconds = new(MaxSeconds, "86400 seconds (a day)", "a number of seconds from 0 to 86400");

    /// <summary>A million a second: beyond any API's quota; the pacer's interval stays a real duration.</summary>
    public static readonly NumberLimit Rate = new(1_000_000, "1000000 requests a second", "a number from 0 (no pacing) to 1000000");
}
