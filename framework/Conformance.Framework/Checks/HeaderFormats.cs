using System.Globalization;
using System.Net.Http.Headers;

namespace Conformance.Checks;

/// <summary>Header value formats: delta-seconds, HTTP-date, Retry-After, media type.</summary>
public static class HeaderFormats
{
    // RFC 9110 5.6.7: IMF-fixdate, and the obsolete rfc850-date and asctime-date a recipient must accept; GMT is literal.
    private static readonly string[] DateForms = ["ddd, dd MMM yyyy HH':'mm':'ss 'GMT'", "dddd, dd'-'MMM'-'yy HH':'mm':'ss 'GMT'", "ddd MMM d HH':'mm':'ss yyyy"];

    /// <summary>One or more digits (RFC 9110 10.2.3); a value too large for a number means "a very long time", still valid.</summary>
    public static bool IsDeltaSeconds(string value) => value.Length > 0 && value.All(char.IsAsciiDigit);

    public static bool IsHttpDate(string value) => TryParseHttpDate(value, out _);

    /// <summary>The time an HTTP-date (RFC 9110 5.6.7) names, in UTC; false for any other text.</summary>
    public static bool TryParseHttpDate(string value, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(value, DateForms, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowInnerWhite, out at);

    public static bool IsRetryAfter(string value) => IsDeltaSeconds(value.Trim()) || IsHttpDate(value.Trim());

    public static bool IsMediaType(string value) => MediaTypeHeaderValue.TryParse(value, out var parsed) && parsed.MediaType?.Contains('/', StringComparison.Ordinal) == true;

    public static bool Matches(string format, string value) => format switch
    {
        "delta-seconds" => IsDeltaSeconds(value),
        "http-date" => IsHttpDate(value),
        "retry-after" => IsRetryAfter(value),
        "media-type" => IsMediaType(value),
        _ => false,
    };
}
