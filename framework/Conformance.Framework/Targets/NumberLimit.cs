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

    /// <summary>A GiB: a body cap held in memory (a larger one overflowed the reader's buffer size: every case broke).</summary>
    public static readonly NumberLimit Bytes = new(1 << 30, "1073741824 bytes (1 GiB)", "a number of bytes from 0 to 1073741824 (1 GiB)");

    /// <summary>A 32-bit count: what a larger number was cut to (1e20 became a negative budget).</summary>
    public static readonly NumberLimit Requests = new(int.MaxValue, "2147483647 requests", "a number of requests from 0 to 2147483647");

    /// <summary>A hundred: beyond what a throttled staging API is worth waiting for, each retry after its Retry-After.</summary>
    public static readonly NumberLimit Retries = new(100, "100 retries", "a number of retries from 0 to 100");

    /// <summary>Ten thousand requests in flight: beyond any conformance run's need, and a count the slots hold.</summary>
    public static readonly NumberLimit InFlight = new(10_000, "10000 requests at once", "a number from 0 to 10000");
}
