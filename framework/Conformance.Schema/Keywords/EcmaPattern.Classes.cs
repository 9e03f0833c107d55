using System.Text;

namespace Conformance.Schema.Keywords;

/// <summary>ECMA-262 character classes (<c>[...]</c>, \D, \W, \S) as .NET classes plus the surrogate pairs of their astral members.</summary>
internal static partial class EcmaPattern
{
    /// <summary>A class from the <c>[</c> at <paramref name="start"/>; returns the index of its <c>]</c>.</summary>
    private static int Class(string pattern, int start, StringBuilder builder, bool codePoints)
    {
        var i = start + 1;
        var negated = i < pattern.Length && pattern[i] == '^';
        var items = new List<(string Text, int CodePoint, bool Hyphen)>();
        for (i += negated ? 1 : 0; i < pattern.Length && pattern[i] != ']'; i++)
        {
            var (text, codePoint, last) = ClassItem(pattern, i);
            items.Add((text, codePoint, pattern[i] == '-'));
            i = last;
        }

        if (i >= pattern.Length)
        {
            // Unterminated: left as written, for .NET to reject with its own reason.
            builder.Append(pattern, start, pattern.Length - start);
            return pattern.Length;
        }

        var bmp = new StringBuilder();
        var astral = new List<(int From, int To)>();
        for (var k = 0; k < items.Count; k++)
        {
            var (text, codePoint, _) = items[k];
            if (k + 2 < items.Count && items[k + 1].Hyphen && codePoint >= 0 && items[k + 2].CodePoint >= 0)
            {
                if (items[k + 2].CodePoint < codePoint)
                {
                    throw new ArgumentException($"range \"{Shown(codePoint)}-{Shown(items[k + 2].CodePoint)}\" is in reverse order");
                }

                AddRange(bmp, astral, codePoint, items[k + 2].CodePoint);
                k += 2;
            }
            else if (codePoint > 0xFFFF)
            {
                astral.Add((codePoint, codePoint));
            }
            else
            {
                bmp.Append(codePoint >= 0 ? Literal(codePoint) : text);
                astral.AddRange(text is NotDigit or NotWord or NotSpace ? [(0x10000, 0x10FFFF)] : []);
            }
        }

        if (!codePoints)
        {
            var body = bmp.ToString();
            builder.Append(negated ? (body.Length == 0 ? @"[\u0000-\uFFFF]" : $"[^{body}]") : (body.Length == 0 ? @"[^\u0000-\uFFFF]" : $"[{body}]"));
        }
        else if (negated)
        {
            AppendNoneOf(builder, bmp.ToString(), astral);
        }
        else
        {
            // A BMP range such as \u0000-\uFFFF must not take half a pair: pairs are matched as code points, below.
            AppendAnyOf(builder, bmp.Length == 0 ? "" : $"{bmp}-[{Surrogates}]", astral);
        }

        return i;
    }

    private static string Shown(int codePoint) => codePoint is >= 0xD800 and <= 0xDFFF ? Literal(codePoint) : char.ConvertFromUtf32(codePoint);

    /// <summary>One member of a class: its .NET text and code point (-1 for a set such as \d or \p{L}), and the last index read.</summary>
    private static (string Text, int CodePoint, int Last) ClassItem(string pattern, int i)
    {
        var c = pattern[i];
        if (c != '\\' || i + 1 >= pattern.Length)
        {
            return char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1])
                ? ("", char.ConvertToUtf32(c, pattern[i + 1]), i + 1)
                : ("", c, i);
        }

        var next = pattern[i + 1];
        switch (next)
        {
            case 'd': return (Digit, -1, i + 1);
            case 'w': return (Word, -1, i + 1);
            case 's': return (Space, -1, i + 1);
            case 'D': return (NotDigit, -1, i + 1);
            case 'W': return (NotWord, -1, i + 1);
            case 'S': return (NotSpace, -1, i + 1);
            case 'b': return ("", 8, i + 1);
        }

        if (next is 'p' or 'P' && UnicodeProperty(pattern, i) is ({ } property, var end))
        {
            return ($"\\{next}{{{property}}}", -1, end);
        }

        return CodePointEscape(pattern, i) is (var codePoint, var last) ? ("", codePoint, last) : ("\\" + next, -1, i + 1);
    }

    private static void AddRange(StringBuilder bmp, List<(int From, int To)> astral, int from, int to)
    {
        if (from <= 0xFFFF)
        {
            bmp.Append(Literal(from)).Append('-').Append(Literal(Math.Min(to, 0xFFFF)));
        }

        if (to > 0xFFFF)
        {
            astral.Add((Math.Max(from, 0x10000), to));
        }
    }

    /// <summary>One character of the BMP <paramref name="body"/> or one astral code point of <paramref name="astral"/>.</summary>
    private static void AppendAnyOf(StringBuilder builder, string body, List<(int From, int To)> astral)
    {
        if (astral.Count == 0)
        {
            builder.Append(body.Length == 0 ? @"[^\u0000-\uFFFF]" : $"[{body}]");
            return;
        }

        builder.Append("(?:");
        if (body.Length > 0)
        {
            builder.Append('[').Append(body).Append("]|");
        }

        AppendPairs(builder, astral);
        builder.Append(')');
    }

    /// <summary>One character, BMP or astral, that is neither in <paramref name="body"/> nor in <paramref name="astral"/>.</summary>
    private static void AppendNoneOf(StringBuilder builder, string body, List<(int From, int To)> astral)
    {
        var single = $"[^{body}{Surrogates}]";
        if (astral.Exists(r => r.From == 0x10000 && r.To == 0x10FFFF))
        {
            builder.Append(single);
            return;
        }

        builder.Append("(?:").Append(single).Append('|');
        if (astral.Count > 0)
        {
            AppendPairs(builder.Append("(?!"), astral);
            builder.Append(')');
        }

        builder.Append(Pair).Append(')');
    }

    /// <summary>The surrogate pairs of the astral ranges, as alternatives.</summary>
    private static void AppendPairs(StringBuilder builder, List<(int From, int To)> astral)
    {
        var first = true;
        foreach (var (from, to) in astral)
        {
            var (highFrom, lowFrom, highTo, lowTo) = (High(from), Low(from), High(to), Low(to));
            builder.Append(first ? "" : "|");
            first = false;
            if (from == 0x10000 && to == 0x10FFFF)
            {
                builder.Append(Pair);
                continue;
            }

            if (highFrom == highTo)
            {
                builder.Append(Literal(highFrom)).Append('[').Append(Literal(lowFrom)).Append('-').Append(Literal(lowTo)).Append(']');
                continue;
            }

            builder.Append(Literal(highFrom)).Append('[').Append(Literal(lowFrom)).Append(@"-\uDFFF]");
            if (highTo - highFrom > 1)
            {
                builder.Append("|[").Append(Literal(highFrom + 1)).Append('-').Append(Literal(highTo - 1)).Append(@"][\uDC00-\uDFFF]");
            }

            builder.Append('|').Append(Literal(highTo)).Append(@"[\uDC00-").Append(Literal(lowTo)).Append(']');
        }
    }
}
