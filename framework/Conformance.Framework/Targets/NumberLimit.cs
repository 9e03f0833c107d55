namespace Conformance.Targets;

/// <summary>
/// The most a numeric setting takes: a value that parses but that no timer or pacer can hold (<c>Infinity</c>,
/// <c>1e300</c>, a timeout of a month) is CT0303 with the other settings' errors, not an exception while they are read.
/// </summary>
internal sealed record NumberLimit(double Max, string Beyond, string Takes)
{
    /// <summary>The least it takes (0 unless said), and what is said of a value below it.</summary>
    public double Min { get; init; }

    public string? Below { get; init; }

    /// <summary>True when 0 turns the setting off and so stays allowed below <see cref="Min"/>.</summary>
    public bool OffAtZero { get; init; }

    /// <summary>True when <paramref name="n"/> (0 or more) is below the least this setting takes.</summary>
    public bool IsBelow(double n) => n < Min && !(OffAtZero && n == 0);

    /// <summary>A day: longer than any request, wait or pause a run should make, and within what a timer takes.</summary>
    public const int MaxSeconds = 86_400;

    public static readonly NumberLimit Seconds = new(MaxSeconds, "86400 seconds (a day)", "a number of seconds from 0 to 86400");

    /// <summary>
    /// A request's timeout: a millisecond at least. 0 (or a value that rounds to no time) made the HTTP client throw in
    /// the run's one-time setup, and every case failed with an ArgumentOutOfRangeException.
    /// </summary>
    public static readonly NumberLimit Timeout = new(MaxSeconds, "86400 seconds (a day)", "a number of seconds from 0.001 to 86400") { Min = 0.001, Below = "less than a millisecond (0.001), a time no request can be answered in" };

    /// <summary>
    /// A million a second: beyond any API's quota; the pacer's interval stays a real duration.
    /// Its least above 0 is about one request a day (an interval within what a timer takes): 1e-300 made every paced
    /// request throw in Task.Delay.
    /// </summary>
    public static readonly NumberLimit Rate = new(1_000_000, "1000000 requests a second", "0 (no pacing) or a number from 0.0000116 (about one a day) to 1000000") { Min = MinRate, Below = "less than about one request a day (0.0000116)", OffAtZero = true };

    /// <summary>The least rate above 0: one request in 86,206 s, within a day.</summary>
    public const double MinRate = 0.0000116;

    /// <summary>A GiB: a body cap held in memory (a larger one overflowed the reader's buffer size: every case broke).</summary>
    public static readonly NumberLimit Bytes = new(1 << 30, "1073741824 bytes (1 GiB)", "a number of bytes from 0 to 1073741824 (1 GiB)");

    /// <summary>A 32-bit count: what a larger number was cut to (1e20 became a negative budget).</summary>
    public static readonly NumberLimit Requests = new(int.MaxValue, "2147483647 requests", "a number of requests from 0 to 2147483647");

    /// <summary>A hundred: beyond what a throttled staging API is worth waiting for, each retry after its Retry-After.</summary>
    public static readonly NumberLimit Retries = new(100, "100 retries", "a number of retries from 0 to 100");

    /// <summary>Ten thousand requests in flight: beyond any conformance run's need, and a count the slots hold.</summary>
    public static readonly NumberLimit InFlight = new(10_000, "10000 requests at once", "a number from 0 to 10000");
}
