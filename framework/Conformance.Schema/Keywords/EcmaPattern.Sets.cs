using System.Text;

namespace Conformance.Schema.Keywords;

/// <summary>
/// Sets of characters (classes, <c>.</c>, \D \W \S, \p{...} \P{...}) written for the text a translation is for: a .NET
/// class for their BMP members, the surrogate pairs of their astral members and, for text holding a lone surrogate,
/// their surrogate code points as lone surrogates (a high one not followed by a low one, a low one not preceded by a
/// high one).
/// </summary>
internal static partial class EcmaPattern
{
    private const string NoCharacter = @"[^\u0000-\uFFFF]";
    private const string LowAhead = @"(?![\uDC00-\uDFFF])";
    private const string HighBehind = @"(?<![\uD800-\uDBFF])";

    /// <summary>One set (\D, \p{L}, \P{L}) outside a class.</summary>
    private static void AppendSet(StringBuilder builder, EscapeSet set, EcmaText text)
    {
        if (text == EcmaText.NoSurrogates)
        {
            builder.Append(set.Bmp.Length == 0 ? NoCharacter : $"[{set.Bmp}]");
            return;
        }

        AppendAnyOf(builder, set.Bmp, set.Astral, set.Lone, text);
    }

    /// <summary>One character of the BMP <paramref name="body"/>, of <paramref name="astral"/> or of <paramref name="lone"/>.</summary>
    private static void AppendAnyOf(StringBuilder builder, string body, IReadOnlyList<(int From, int To)> astral, IReadOnlyList<(int From, int To)> lone, EcmaText text)
    {
        var alternatives = new List<string>();
        if (body.Length > 0)
        {
            // A BMP range such as \u0000-\uFFFF must not take half a pair: pairs and lone surrogates are matched below.
            alternatives.Add(text == EcmaText.NoSurrogates ? $"[{body}]" : $"[{body}-[{Surrogates}]]");
        }

        if (text != EcmaText.NoSurrogates)
        {
            alternatives.AddRange(PairAlternatives(CodePointRanges.Merge(astral)));
        }

        if (text == EcmaText.LoneSurrogates)
        {
            alternatives.AddRange(LoneAlternatives(CodePointRanges.Merge(lone)));
        }

        AppendAlternatives(builder, alternatives, body.Length > 0);
    }

    /// <summary>One character, BMP or astral (or a lone surrogate), that is in none of the three.</summary>
    private static void AppendNoneOf(StringBuilder builder, string body, IReadOnlyList<(int From, int To)> astral, IReadOnlyList<(int From, int To)> lone, EcmaText text)
    {
        if (text == EcmaText.NoSurrogates)
        {
            builder.Append(body.Length == 0 ? @"[\u0000-\uFFFF]" : $"[^{body}]");
            return;
        }

        var alternatives = new List<string> { $"[^{body}{Surrogates}]" };
        alternatives.AddRange(PairAlternatives(CodePointRanges.Complement(astral, 0x10000, 0x10FFFF)));
        if (text == EcmaText.LoneSurrogates)
        {
            alternatives.AddRange(LoneAlternatives(CodePointRanges.Complement(lone, 0xD800, 0xDFFF)));
        }

        AppendAlternatives(builder, alternatives, true);
    }

    private static void AppendAlternatives(StringBuilder builder, List<string> alternatives, bool firstIsClass)
    {
        if (alternatives.Count == 0)
        {
            builder.Append(NoCharacter);
        }
        else if (alternatives.Count == 1 && firstIsClass)
        {
            builder.Append(alternatives[0]);
        }
        else
        {
            builder.Append("(?:").AppendJoin('|', alternatives).Append(')');
        }
    }

    /// <summary>
    /// The surrogate pairs of merged astral ranges: high surrogates that take the same low ones share one alternative
    /// (<c>[\uD800-\uDBFF][\uDC00-\uDFFF]</c> for all of them), so a property's hundreds of ranges stay a few alternatives.
    /// </summary>
    private static List<string> PairAlternatives(List<(int From, int To)> astral)
    {
        var lows = new SortedDictionary<int, List<(int From, int To)>>();
        foreach (var (from, to) in astral)
        {
            for (var high = High(from); high <= High(to); high++)
            {
                var list = lows.TryGetValue(high, out var found) ? found : lows[high] = [];
                list.Add((high == High(from) ? Low(from) : 0xDC00, high == High(to) ? Low(to) : 0xDFFF));
            }
        }

        var highsByLows = new Dictionary<string, List<(int From, int To)>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (high, lowRanges) in lows)
        {
            var key = UnitSet(lowRanges);
            if (!highsByLows.TryGetValue(key, out var highs))
            {
                highsByLows[key] = highs = [];
                order.Add(key);
            }

            highs.Add((high, high));
        }

        return [.. order.Select(key => UnitSet(CodePointRanges.Merge(highsByLows[key])) + key)];
    }

    /// <summary>The lone surrogates among merged surrogate ranges: a high one with no low one after it, a low one with no high one before.</summary>
    private static List<string> LoneAlternatives(List<(int From, int To)> surrogates)
    {
        var alternatives = new List<string>();
        var highs = CodePointRanges.Within(surrogates, 0xD800, 0xDBFF);
        var lows = CodePointRanges.Within(surrogates, 0xDC00, 0xDFFF);
        if (highs.Count > 0)
        {
            alternatives.Add(UnitSet(highs) + LowAhead);
        }

        if (lows.Count > 0)
        {
            alternatives.Add(HighBehind + UnitSet(lows));
        }

        return alternatives;
    }

    /// <summary>A .NET atom for a set of UTF-16 units given as merged ranges: a literal for one unit, else a class.</summary>
    private static string UnitSet(List<(int From, int To)> ranges)
    {
        if (ranges is [var (one, only)] && one == only)
        {
            return Literal(one);
        }

        var set = new StringBuilder("[");
        foreach (var (from, to) in ranges)
        {
            set.Append(Literal(from)).Append(to > from + 1 ? "-" : "").Append(to > from ? Literal(to) : "");
        }

        return set.Append(']').ToString();
    }
}
