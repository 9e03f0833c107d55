using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.Contracts;

/// <summary>
/// Where a setup's captured value comes from: a JSON Pointer into the setup's response body (<c>note_id: /id</c>), or a
/// response header (<c>note_id: { header: Location, pattern: "/notes/([^/?#]+)$" }</c>), narrowed by a pattern whose
/// first group, or whole match when it has none, is the value.
/// </summary>
public sealed record CaptureSource
{
    private CaptureSource(string? pointer, string? header, Regex? pattern)
    {
        Pointer = pointer;
        Header = header;
        Pattern = pattern;
    }

    /// <summary>The JSON Pointer into the body; null for a header capture.</summary>
    public string? Pointer { get; }

    /// <summary>The response header's name; null for a body capture.</summary>
    public string? Header { get; }

    public Regex? Pattern { get; }

    public static CaptureSource FromBody(string pointer) => new(pointer, null, null);

    public static CaptureSource FromHeader(string header, Regex? pattern) => new(null, header, pattern);

    /// <summary>The value a header gives: the pattern's first group (or whole match), null when the pattern does not match.</summary>
    public string? Take(string headerValue)
    {
        if (Pattern is null)
        {
            return headerValue;
        }

        var match = Pattern.Match(headerValue);
        return !match.Success ? null : match.Groups.Count > 1 ? match.Groups[1].Value : match.Value;
    }

    /// <summary>
    /// A header's text as the variable's value: a number when the variable's default is one and the text reads as an
    /// integer or decimal (so <c>equals: "${note_id}"</c> still compares with a numeric id in a body), else a string.
    /// </summary>
    public static JsonNode Typed(string text, JsonNode? declared)
    {
        if (declared is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            {
                return JsonValue.Create(whole);
            }

            if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return JsonValue.Create(number);
            }
        }

        return JsonValue.Create(text);
    }

    /// <summary>As messages name it: <c>/id</c>, <c>header Location</c> or <c>header Location (pattern /notes/([^/]+)$)</c>.</summary>
    public override string ToString() =>
        Pointer ?? (Pattern is null ? $"header {Header}" : $"header {Header} (pattern {Pattern})");
}
