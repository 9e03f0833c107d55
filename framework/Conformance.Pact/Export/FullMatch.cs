using System.Text.RegularExpressions;

namespace Conformance.Pact.Export;

/// <summary>
/// Pact's regex matcher must match the whole value, while a table or JSON Schema pattern is a search:
/// <c>^Bearer</c> becomes <c>^Bearer[\s\S]*</c>, <c>/v1/notes/[0-9]+$</c> becomes <c>[\s\S]*/v1/notes/[0-9]+$</c> (any text,
/// line breaks too: a pact verifier's <c>.</c> stops at one).
/// </summary>
internal static partial class FullMatch
{
    /// <summary>Any text, line breaks too: what a search pattern leaves free before and after its match.</summary>
    private const string Anything = @"[\s\S]*";

    /// <summary>
    /// <paramref name="pattern"/> as a whole-value pact regex; a JSON Schema pattern (<paramref name="ecma"/>, ECMA-262) as
    /// <see cref="PortablePattern"/> writes it, a table's (.NET syntax, whose <c>\d</c>, <c>\w</c> and <c>.</c> read as
    /// Oniguruma's do) as written.
    /// </summary>
    public static string Of(string pattern, bool ecma = false)
    {
        var alternation = pattern.Contains('|', StringComparison.Ordinal);
        var start = !alternation && pattern.StartsWith('^');
        var end = !alternation && pattern.EndsWith('$') && !pattern.EndsWith(@"\$", StringComparison.Ordinal);
        var portable = ecma ? PortablePattern.Of(pattern) : pattern;
        var core = alternation ? $"(?:{portable})" : portable;
        return (start ? string.Empty : Anything) + core + (end ? string.Empty : Anything);
    }

    /// <summary>The literal a pattern such as <c>^GET, PUT$</c> stands for, or null when it has any metacharacter.</summary>
    public static string? Literal(string pattern)
    {
        var match = LiteralPattern().Match(pattern);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>A JSON Schema's regex matchers (<see cref="SchemaMatchers"/>, ECMA-262) made whole-value, as pact applies them.</summary>
    public static IEnumerable<BodyMatcher> Whole(IEnumerable<BodyMatcher> matchers) =>
        matchers.Select(m => m.Kind == MatcherKind.Regex && m.Pattern is { } p ? m with { Pattern = Of(p, ecma: true) } : m);

    [GeneratedRegex(@"^\^([^\\.*+?()\[\]{}|^$]*)\$$")]
    private static partial Regex LiteralPattern();
}
