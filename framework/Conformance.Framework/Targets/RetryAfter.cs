using System.Globalization;
using Conformance.Checks;
using Conformance.Probing;

namespace Conformance.Targets;

/// <summary>
/// How long a 429, 502, 503 or 504 asks the client to wait before it sends again (<c>Retry-After</c>, RFC 9110 10.2.3): a number
/// of seconds or an HTTP-date. A probe's and a token request's retries both read it here.
/// </summary>
internal static class RetryAfter
{
    // Longer than any conformance.maxRetryWaitSeconds a run would set, and within TimeSpan (Retry-After: 99999999999999999999 is valid).
    private static readonly TimeSpan Longest = TimeSpan.FromDays(365);

    /// <summary>The wait the response's Retry-After asks for (none for a date already past), or null without a valid one.</summary>
    public static TimeSpan? Asked(ProbeResponse response, TimeProvider time)
    {
        var header = response.Header("Retry-After")?.Trim();
        TimeSpan? asked = header is null ? null
            : HeaderFormats.IsDeltaSeconds(header) ? TimeSpan.FromSeconds(Math.Min(double.Parse(header, CultureInfo.InvariantCulture), Longest.TotalSeconds))
            : HeaderFormats.TryParseHttpDate(header, out var at) ? at - time.GetUtcNow()
            : null;
        return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > Longest ? Longest : asked;
    }

    /// <summary>True when the response's Retry-After asks for a longer wait than <paramref name="longest"/> (<c>conformance.maxRetryWaitSeconds</c>).</summary>
    public static bool LongerThan(ProbeResponse response, TimeSpan longest, TimeProvider time) => Asked(response, time) > longest;
}
