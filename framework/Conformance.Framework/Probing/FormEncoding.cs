using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Probing;

/// <summary>
/// <c>application/x-www-form-urlencoded</c> bodies: a flat JSON object as <c>name=value</c> pairs joined by <c>&amp;</c>,
/// names and values percent-encoded as RFC 3986 unreserved characters only (a space is <c>%20</c>, never <c>+</c>),
/// a list repeating its name. Strings go as their text, numbers as written, booleans as <c>true</c>/<c>false</c>,
/// null as an empty value; an object or a nested list (only a row's <c>invalid_field</c> value can bring one) as its JSON text.
/// </summary>
public static partial class FormEncoding
{
    public const string ContentType = "application/x-www-form-urlencoded";

    /// <summary>True for <c>application/x-www-form-urlencoded</c>, with or without parameters.</summary>
    public static bool IsForm(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals(ContentType, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when the body is form text: typed as a form, or written as one whatever its type (a form body sent as
    /// text/plain by wrong_content_type or a custom row still carries the same credential fields).
    /// </summary>
    public static bool IsFormBody(string body, string? contentType) => IsForm(contentType) || FormText().IsMatch(body);

    public static string Encode(JsonNode? body)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in body is JsonObject fields ? fields : [])
        {
            foreach (var item in value is JsonArray list ? list.AsEnumerable() : [value])
            {
                text.Append(text.Length == 0 ? string.Empty : "&").Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(Text(item)));
            }
        }

        return text.ToString();
    }

    /// <summary>The pairs of a form body, decoded (<c>+</c> and <c>%20</c> as a space); a malformed escape stays as written.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Decode(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(part => part.IndexOf('=', StringComparison.Ordinal) is var eq and >= 0
            ? new KeyValuePair<string, string>(Unescape(part[..eq]), Unescape(part[(eq + 1)..]))
            : new KeyValuePair<string, string>(Unescape(part), string.Empty)).ToList();

    /// <summary>The body with the value of every field <paramref name="secret"/> names replaced by <paramref name="mask"/>, the rest as written.</summary>
    public static string Mask(string body, Func<string, bool> secret, string mask) =>
        string.Join('&', body.Split('&').Select(part => part.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 && secret(Unescape(part[..eq]))
            ? string.Concat(part.AsSpan(0, eq + 1), mask)
            : part));

    private static string Text(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9_.~%+\-\[\]*]+=[^&]*(?:&[A-Za-z0-9_.~%+\-\[\]*]+=[^&]*)*$")]
    private static partial System.Text.RegularExpressions.Regex FormText();
}
