using System.Globalization;

namespace Conformance.Reporting;

/// <summary>
/// The escapes <see cref="WrappedSecrets"/> reads through: <c>%XX</c> of an ASCII character, a JSON string's
/// <c>\uXXXX</c>, <c>\/</c>, <c>\"</c> and <c>\\</c>, and HTML's <c>&amp;#NN;</c>, <c>&amp;#xHH;</c> (below U+10000) and the
/// named references of <see cref="Named"/>. Encoders differ in which characters they escape (Python's <c>quote</c> leaves
/// <c>/</c>, Go's <c>PathEscape</c> leaves <c>+</c> and <c>=</c>, Gson writes <c>=</c> as <c>\u003d</c>, Handlebars as
/// <c>&amp;#x3D;</c>), so no list of forms has them all; read decoded, any mix of them is the secret again.
/// </summary>
internal static class SecretEscapes
{
    private static readonly (string Name, char Value)[] Named =
        [("amp;", '&'), ("lt;", '<'), ("gt;", '>'), ("quot;", '"'), ("apos;", '\''), ("sol;", '/'), ("plus;", '+'), ("equals;", '='), ("percnt;", '%'), ("shy;", '\u00AD')];

    /// <summary>The character the escape at <paramref name="at"/> stands for and its length, or null when none starts there.</summary>
    public static (char Value, int Length)? At(ReadOnlySpan<char> text, int at)
    {
        var rest = text[at..];
        return rest[0] switch
        {
            '%' when rest.Length >= 3 && Hex(rest[1..3]) is { } value and < 0x80 => ((char)value, 3),
            '\\' when rest.Length >= 6 && rest[1] == 'u' && Hex(rest[2..6]) is { } value => ((char)value, 6),
            '\\' when rest.Length >= 2 && rest[1] is '/' or '"' or '\\' => (rest[1], 2),
            '&' => Entity(rest),
            _ => null,
        };
    }

    /// <summary>An HTML character reference: <c>&amp;#43;</c>, <c>&amp;#x2B;</c>, or one of <see cref="Named"/>.</summary>
    private static (char Value, int Length)? Entity(ReadOnlySpan<char> rest)
    {
        var semicolon = rest[..Math.Min(rest.Length, 10)].IndexOf(';');
        if (semicolon < 3)
        {
            return null;
        }

        var body = rest[1..semicolon];
        if (body[0] == '#')
        {
            var hex = body[1] is 'x' or 'X';
            return int.TryParse(body[(hex ? 2 : 1)..], hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 and < 0x10000
                ? ((char)value, semicolon + 1)
                : null;
        }

        foreach (var (name, value) in Named)
        {
            if (rest[1..].StartsWith(name, StringComparison.Ordinal))
            {
                return (value, name.Length + 1);
            }
        }

        return null;
    }

    private static int? Hex(ReadOnlySpan<char> digits) =>
        int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) ? value : null;
}
