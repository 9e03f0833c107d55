using System.Globalization;
using System.Text;

namespace Conformance.Schema.Keywords;

/// <summary>
/// Translates an ECMA-262 pattern (as JSON Schema reads it: the <c>u</c> flag, code points) to a .NET pattern, which
/// matches UTF-16 code units: an astral character (a surrogate pair) becomes a group, so a quantifier applies to all of
/// it; <c>.</c>, negated classes, \D \W \S and \p{...} \P{...} take a pair as one character (and a lone surrogate as
/// another); a class holding astral characters, ranges or properties matches them by their pairs. \d, \w, \s and
/// \b are ECMA's (ASCII digits and word characters; \s with U+FEFF and without U+0085); <c>.</c> stops at the four
/// ECMA line terminators; <c>$</c> matches only at the very end.
/// </summary>
internal static partial class EcmaPattern
{
    private const string Surrogates = @"\uD800-\uDFFF";
    private const string Digit = "0-9";
    private const string Word = "a-zA-Z0-9_";
    private const string Space = @"\t-\r\u0020\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";
    private const string NotDigit = @"\u0000-\u002F\u003A-\uD7FF\uE000-\uFFFF";
    private const string NotWord = @"\u0000-\u002F\u003A-\u0040\u005B-\u005E\u0060\u007B-\uD7FF\uE000-\uFFFF";
    private const string NotSpace = @"\u0000-\u0008\u000E-\u001F\u0021-\u009F\u00A1-\u167F\u1681-\u1FFF\u200B-\u2027\u202A-\u202E\u2030-\u205E\u2060-\u2FFF\u3001-\uD7FF\uE000-\uFEFE\uFF00-\uFFFF";
    private const string LineTerminators = @"\n\r\u2028\u2029";

    private static readonly EscapeSet DigitSet = EscapeSet.BmpOnly(Digit);
    private static readonly EscapeSet WordSet = EscapeSet.BmpOnly(Word);
    private static readonly EscapeSet SpaceSet = EscapeSet.BmpOnly(Space);
    private static readonly EscapeSet NotDigitSet = EscapeSet.WithAllBeyondBmp(NotDigit);
    private static readonly EscapeSet NotWordSet = EscapeSet.WithAllBeyondBmp(NotWord);
    private static readonly EscapeSet NotSpaceSet = EscapeSet.WithAllBeyondBmp(NotSpace);

    // ECMA's \b and \B: a boundary between a word character ([A-Za-z0-9_], not .NET's Unicode letters) and anything else.
    private const string WordBoundary = $"(?:(?<=[{Word}])(?![{Word}])|(?<![{Word}])(?=[{Word}]))";
    private const string NotWordBoundary = $"(?:(?<=[{Word}])(?=[{Word}])|(?<![{Word}])(?![{Word}]))";

    /// <summary>
    /// The .NET pattern for <paramref name="text"/>. For text without surrogates <c>.</c>, negated classes, \D \W \S
    /// and \p{...} \P{...} are plain sets (they never meet a pair), classes drop their astral members.
    /// </summary>
    public static string Translate(string pattern, EcmaText text)
    {
        var builder = new StringBuilder(pattern.Length + 16);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '[')
            {
                i = Class(pattern, i, builder, text);
            }
            else if (c == '\\' && i + 1 < pattern.Length)
            {
                i = Escape(pattern, i, builder, text);
            }
            else if (c == '.')
            {
                AppendNoneOf(builder, LineTerminators, [], [], text);
            }
            else if (c == '$')
            {
                builder.Append(@"\z");
            }
            else if (char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]))
            {
                AppendCodePoint(builder.Append("(?:"), char.ConvertToUtf32(c, pattern[++i])).Append(')');
            }
            else if (char.IsSurrogate(c) && text != EcmaText.NoSurrogates)
            {
                AppendAnyOf(builder, "", [], [(c, c)], text);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>An escape outside a class, from the backslash at <paramref name="start"/>; returns the last index read.</summary>
    private static int Escape(string pattern, int start, StringBuilder builder, EcmaText text)
    {
        var next = pattern[start + 1];
        switch (next)
        {
            case 'd': builder.Append('[').Append(Digit).Append(']'); return start + 1;
            case 'w': builder.Append('[').Append(Word).Append(']'); return start + 1;
            case 's': builder.Append('[').Append(Space).Append(']'); return start + 1;
            case 'b': builder.Append(WordBoundary); return start + 1;
            case 'B': builder.Append(NotWordBoundary); return start + 1;
            case 'D': AppendSet(builder, NotDigitSet, text); return start + 1;
            case 'W': AppendSet(builder, NotWordSet, text); return start + 1;
            case 'S': AppendSet(builder, NotSpaceSet, text); return start + 1;
        }

        if (next is 'p' or 'P' && UnicodeProperty(pattern, start) is ({ } property, var end))
        {
            AppendSet(builder, property, text);
            return end;
        }

        if (CodePointEscape(pattern, start) is (var codePoint, var last) && codePoint > 0xFFFF)
        {
            AppendCodePoint(builder.Append("(?:"), codePoint).Append(')');
            return last;
        }

        if (text != EcmaText.NoSurrogates && CodePointEscape(pattern, start) is (var surrogate and >= 0xD800 and <= 0xDFFF, var after))
        {
            AppendAnyOf(builder, "", [], [(surrogate, surrogate)], text);
            return after;
        }

        if (next == 'u' && pattern.Length > start + 2 && pattern[start + 2] == '{' && CodePointEscape(pattern, start) is (var bmp, var close))
        {
            AppendCodePoint(builder, bmp);
            return close;
        }

        builder.Append('\\').Append(next);
        return start + 1;
    }

    /// <summary>The code point an escape stands for (\n, \xHH, \uXXXX, a pair of \u escapes, \u{...}, \cX, \0, \.), or null.</summary>
    private static (int CodePoint, int Last)? CodePointEscape(string pattern, int start)
    {
        var next = pattern[start + 1];
        switch (next)
        {
            case 'n': return (10, start + 1);
            case 't': return (9, start + 1);
            case 'r': return (13, start + 1);
            case 'f': return (12, start + 1);
            case 'v': return (11, start + 1);
            case '0' when start + 2 >= pattern.Length || !char.IsAsciiDigit(pattern[start + 2]): return (0, start + 1);
            case 'c' when start + 2 < pattern.Length && char.IsAsciiLetter(pattern[start + 2]): return (pattern[start + 2] % 32, start + 2);
            case 'x' when Hex(pattern, start + 2, 2) is { } x: return (x, start + 3);
            case 'u' when start + 2 < pattern.Length && pattern[start + 2] == '{':
                var close = pattern.IndexOf('}', start + 3);
                return close > 0 && Hex(pattern, start + 3, close - start - 3) is { } braced and <= 0x10FFFF ? (braced, close) : null;
            case 'u' when Hex(pattern, start + 2, 4) is { } unit:
                if (char.IsHighSurrogate((char)unit) && start + 11 < pattern.Length && pattern[start + 6] == '\\' && pattern[start + 7] == 'u'
                    && Hex(pattern, start + 8, 4) is { } low && char.IsLowSurrogate((char)low))
                {
                    return (char.ConvertToUtf32((char)unit, (char)low), start + 11);
                }

                return (unit, start + 5);
        }

        if (char.IsHighSurrogate(next) && start + 2 < pattern.Length && char.IsLowSurrogate(pattern[start + 2]))
        {
            return (char.ConvertToUtf32(next, pattern[start + 2]), start + 2);
        }

        return char.IsAsciiLetterOrDigit(next) ? null : (next, start + 1);
    }

    private static int? Hex(string pattern, int start, int length) =>
        length is > 0 and <= 6 && start + length <= pattern.Length
        && int.TryParse(pattern.AsSpan(start, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The set of a \p{...} or \P{...} from the backslash at <paramref name="start"/> and the index of its }, or null without braces.</summary>
    private static (EscapeSet? Set, int End) UnicodeProperty(string pattern, int start)
    {
        var close = start + 2 < pattern.Length && pattern[start + 2] == '{' ? pattern.IndexOf('}', start + 3) : -1;
        return close > 0 ? (UnicodeProperties.Set(pattern[(start + 3)..close], pattern[start + 1] == 'P'), close) : (null, 0);
    }

    private static int High(int codePoint) => 0xD800 + ((codePoint - 0x10000) >> 10);

    private static int Low(int codePoint) => 0xDC00 + ((codePoint - 0x10000) & 0x3FF);

    private static StringBuilder AppendCodePoint(StringBuilder builder, int codePoint) =>
        codePoint > 0xFFFF ? builder.Append(Literal(High(codePoint))).Append(Literal(Low(codePoint))) : builder.Append(Literal(codePoint));

    /// <summary>A UTF-16 unit as a .NET regex escape (<c>\u00E9</c>).</summary>
    internal static string Literal(int unit) => "\\u" + unit.ToString("X4", CultureInfo.InvariantCulture);
}
