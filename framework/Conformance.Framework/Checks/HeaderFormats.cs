using System.Globalization;
using System.Net.Http.Headers;

namespace Conformance.Checks;

/// <summary>Header value formats: delta-seconds, HTTP-date, Retry-After, media type.</summary>
public static class HeaderFormats
{
    public static bool IsDeltaSeconds(string value) =>
        value.Length > 0 && value.All(char.IsAsciiDigit) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    public static bool IsHttpDate(string value) =>
        DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

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
