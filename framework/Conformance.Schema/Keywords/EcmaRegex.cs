using System.Text.RegularExpressions;

namespace Conformance.Schema.Keywords;

/// <summary>
/// A compiled ECMA-262 pattern. Text without surrogates (nearly all of it) runs the code-unit translation, whose
/// <c>.</c> and negated classes are plain .NET sets; text holding surrogate pairs runs the code-point translation
/// (<see cref="EcmaPattern"/>), and text holding a lone surrogate one that matches it as a character too (with
/// lookarounds), each translated and compiled on first need. On the text each is run for they agree, so the answer is
/// always the code-point one, and the common case keeps .NET's tight set loops.
/// </summary>
internal sealed class EcmaRegex
{
    private readonly Regex units;
    private readonly Lazy<string> pairsPattern;
    private readonly Lazy<Regex> pairs;
    private readonly Lazy<Regex> lone;

    /// <param name="units">The regex for text without surrogates, of the .NET pattern <paramref name="unitsPattern"/>.</param>
    /// <param name="translate">The .NET pattern for text with surrogates (pairs only, or a lone one).</param>
    /// <param name="compile">The regex of a .NET pattern.</param>
    public EcmaRegex(Regex units, string unitsPattern, Func<EcmaText, string> translate, Func<string, Regex> compile)
    {
        this.units = units;
        pairsPattern = new(() => translate(EcmaText.Pairs), LazyThreadSafetyMode.ExecutionAndPublication);
        pairs = new(() => pairsPattern.Value == unitsPattern ? units : compile(pairsPattern.Value), LazyThreadSafetyMode.ExecutionAndPublication);
        lone = new(
            () => translate(EcmaText.LoneSurrogates) is var pattern && pattern == unitsPattern ? units : pattern == pairsPattern.Value ? pairs.Value : compile(pattern),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public TimeSpan MatchTimeout => units.MatchTimeout;

    /// <summary>ECMA-262 search (unanchored); throws <see cref="RegexMatchTimeoutException"/> as <see cref="Regex"/> does.</summary>
    public bool IsMatch(ReadOnlySpan<char> text)
    {
        var surrogate = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        return surrogate < 0 ? units.IsMatch(text) : (HasLoneSurrogate(text[surrogate..]) ? lone.Value : pairs.Value).IsMatch(text);
    }

    /// <summary>True when a surrogate in <paramref name="text"/> is half of no pair.</summary>
    internal static bool HasLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
