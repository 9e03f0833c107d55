using System.Text;

namespace Conformance.Schema.Keywords;

/// <summary>ECMA-262 character classes (<c>[...]</c>) read into their BMP, astral and surrogate parts (EcmaPattern.Sets.cs writes them).</summary>
internal static partial class EcmaPattern
{
    /// <summary>A class from the <c>[</c> at <paramref name="start"/>; returns the index of its <c>]</c>.</summary>
    private static int Class(string pattern, int start, StringBuilder builder, EcmaText text)
    {
        var i = start + 1;
        var negated = i < pattern.Length && pattern[i] == '^';
        var items = new List<(EscapeSet? Set, int CodePoint, bool Hyphen)>();
        for (i += negated ? 1 : 0; i < pattern.Length && pattern[i] != ']'; i++)
        {
            var (item, codePoint, last) = ClassItem(pattern, i);
            items.Add((item, codePoint, pattern[i] == '-'));
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
        var lone = new List<(int From, int To)>();
        for (var k = 0; k < items.Count; k++)
        {
            var (set, codePoint, _) = items[k];
            if (k + 2 < items.Count && items[k + 1].Hyphen && codePoint >= 0 && items[k + 2].CodePoint >= 0)
            {
                if (items[k + 2].CodePoint < codePoint)
                {
                    throw new ArgumentException($"range \"{Shown(codePoint)}-{Shown(items[k + 2].CodePoint)}\" is in reverse order");
                }

                AddRange(bmp, astral, lone, codePoint, items[k + 2].CodePoint);
                k += 2;
            }
            else if (codePoint >= 0)
            {
                AddRange(bmp, astral, lone, codePoint, codePoint);
            }
            else if (set is not null)
            {
                bmp.Append(set.Bmp);

                // Text without surrogates never meets the astral or surrogate members: no need to look them up.
                astral.AddRange(text == EcmaText.NoSurrogates ? [] : set.Astral);
                lone.AddRange(text == EcmaText.NoSurrogates ? [] : set.Lone);
            }
        }

        if (negated)
        {
            AppendNoneOf(builder, bmp.ToString(), astral, lone, text);
        }
        else
        {
            AppendAnyOf(builder, bmp.ToString(), astral, lone, text);
        }

        return i;
    }

    private static string Shown(int codePoint) => codePoint is >= 0xD800 and <= 0xDFFF ? Literal(codePoint) : char.ConvertFromUtf32(codePoint);

    /// <summary>One member of a class: a set (\d, \p{L}; its code point -1) or a code point, and the last index read.</summary>
    private static (EscapeSet? Set, int CodePoint, int Last) ClassItem(string pattern, int i)
    {
        var c = pattern[i];
        if (c != '\\' || i + 1 >= pattern.Length)
        {
            return char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1])
                ? (null, char.ConvertToUtf32(c, pattern[i + 1]), i + 1)
                : (null, c, i);
        }

        var next = pattern[i + 1];
        switch (next)
        {
            case 'd': return (DigitSet, -1, i + 1);
            case 'w': return (WordSet, -1, i + 1);
            case 's': return (SpaceSet, -1, i + 1);
            case 'D': return (NotDigitSet, -1, i + 1);
            case 'W': return (NotWordSet, -1, i + 1);
            case 'S': return (NotSpaceSet, -1, i + 1);
            case 'b': return (null, 8, i + 1);
        }

        if (next is 'p' or 'P' && UnicodeProperty(pattern, i) is ({ } property, var end))
        {
            return (property, -1, end);
        }

        // An escape ECMA does not know stays as written, for .NET to read or reject.
        return CodePointEscape(pattern, i) is (var codePoint, var last) ? (null, codePoint, last) : (EscapeSet.BmpOnly("\\" + next), -1, i + 1);
    }

    /// <summary>Adds a range: its BMP part as .NET text, its astral part and its surrogates (lone ones, as text may hold).</summary>
    private static void AddRange(StringBuilder bmp, List<(int From, int To)> astral, List<(int From, int To)> lone, int from, int to)
    {
        if (from <= 0xFFFF)
        {
            bmp.Append(Literal(from));
            if (to > from)
            {
                bmp.Append('-').Append(Literal(Math.Min(to, 0xFFFF)));
            }
        }

        if (to > 0xFFFF)
        {
            astral.Add((Math.Max(from, 0x10000), to));
        }

        lone.AddRange(CodePointRanges.Within([(from, to)], 0xD800, 0xDFFF));
    }
}
