using System.Text.RegularExpressions;

namespace Conformance.Schema.Keywords;

/// <summary>
/// A compiled ECMA-262 pattern. Text without surrogates (nearly all of it) runs the code-unit translation, whose
/// <c>.</c> and negated classes are plain .NET sets; text holding a surrogate runs the code-point translation
/// (<see cref="EcmaPattern"/>), compiled on first need. On text without surrogates the two agree, so the answer is
/// always the code-point one, and the common case keeps .NET's tight set loops.
/// </summary>
internal sealed class EcmaRegex
{
    private readonly Regex units;
    private readonly Lazy<Regex> codePoints;

    public EcmaRegex(Regex units, Func<Regex>? codePoints)
    {
        this.units = units;
        this.codePoints = codePoints is null ? new Lazy<Regex>(units) : new Lazy<Regex>(codePoints, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public TimeSpan MatchTimeout => units.MatchTimeout;

    /// <summary>ECMA-262 search (unanchored); throws <see cref="RegexMatchTimeoutException"/> as <see cref="Regex"/> does.</summary>
    public bool IsMatch(ReadOnlySpan<char> text) =>
        (text.IndexOfAnyInRange('\uD800', '\uDFFF') < 0 ? units : codePoints.Value).IsMatch(text);
}
