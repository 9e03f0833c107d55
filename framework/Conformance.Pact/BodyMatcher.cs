using System.Text;

namespace Conformance.Pact;

/// <summary>A matching rule at a body path such as <c>$.errors[*].errorCode</c>.</summary>
/// <param name="Path">Pact JSON path: <c>$</c>, <c>.name</c> or <c>['odd name']</c>, <c>[*]</c> for every element.</param>
/// <param name="Kind">The rule.</param>
/// <param name="Pattern">The regular expression, for <see cref="MatcherKind.Regex"/>.</param>
/// <param name="Values">The allowed values, for <see cref="MatcherKind.OneOf"/>.</param>
public sealed record BodyMatcher(string Path, MatcherKind Kind, string? Pattern, IReadOnlyList<string>? Values)
{
    /// <summary>Same JSON type as the example.</summary>
    public static BodyMatcher Type(string path) => new(path, MatcherKind.Type, null, null);

    /// <summary>A string matching <paramref name="pattern"/>.</summary>
    public static BodyMatcher Regex(string path, string pattern) => new(path, MatcherKind.Regex, pattern, null);

    /// <summary>One of <paramref name="values"/>.</summary>
    public static BodyMatcher OneOf(string path, IReadOnlyList<string> values) => new(path, MatcherKind.OneOf, null, values);

    /// <summary>An integer.</summary>
    public static BodyMatcher IntegerNumber(string path) => new(path, MatcherKind.IntegerNumber, null, null);

    /// <summary>A decimal number.</summary>
    public static BodyMatcher DecimalNumber(string path) => new(path, MatcherKind.DecimalNumber, null, null);

    /// <summary>Null accepted too: the path's matchers are combined with OR (JSON Schema <c>type: [string, "null"]</c>).</summary>
    public static BodyMatcher Null(string path) => new(path, MatcherKind.Null, null, null);

    /// <summary>The anchored alternation of escaped values that pact uses for <see cref="MatcherKind.OneOf"/>.</summary>
    public static string AlternationOf(IEnumerable<string> values)
    {
        var builder = new StringBuilder("^(?:");
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                builder.Append('|');
            }

            first = false;
            foreach (var c in value)
            {
                if (@"\.+*?()|[]{}^$#&-~".Contains(c, StringComparison.Ordinal))
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }
        }

        return builder.Append(")$").ToString();
    }
}
