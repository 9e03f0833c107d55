using System.Buffers;

namespace Conformance.Reporting;

/// <summary>
/// A text read as <see cref="WrappedSecrets"/> reads it: without its separators (LF, CRLF, CR, the escapes <c>\n</c>,
/// <c>\r</c>, <c>\t</c>, spaces and tabs; HTML's <c>&lt;br&gt;</c> and <c>&lt;wbr&gt;</c>, and the characters a page shows as
/// nothing, soft hyphen U+00AD, U+200B to U+200D, U+2060 and U+FEFF, also escaped, <c>&amp;shy;</c>, <c>\u200B</c>, all
/// read as line breaks) and with its escapes (<see cref="SecretEscapes"/>) decoded, once; with the
/// places where characters were skipped, to find a hit's place in the text read from.
/// </summary>
internal static class ReadThrough
{
    public static readonly SearchValues<char> Starts = SearchValues.Create(" \t\r\n\\%&<\u00AD\u200B\u200C\u200D\u2060\uFEFF");

    /// <summary>Characters a page shows as nothing: soft hyphen, zero-width space, non-joiner and joiner, word joiner, zero-width no-break space.</summary>
    private static readonly SearchValues<char> Invisible = SearchValues.Create("\u00AD\u200B\u200C\u200D\u2060\uFEFF");

    /// <summary>HTML's line breaks and break opportunities, matched in either case.</summary>
    private static readonly string[] Breaks = ["<br>", "<br/>", "<br />", "<wbr>", "<wbr/>", "<wbr />"];

    /// <summary>
    /// <paramref name="text"/> read into <paramref name="read"/> from <paramref name="at"/> (the first of <see cref="Starts"/>
    /// in it) on; with <paramref name="skips"/>, where characters were skipped. Its length, and whether an escape decoded
    /// to a character that starts another with what follows it (<c>%252B</c>, <c>\\u002B</c>, <c>&amp;amp;#43;</c>, not
    /// <c>&amp;amp; b</c>): only then can reading it again find more.
    /// </summary>
    public static (int Length, bool Nested) Read(ReadOnlySpan<char> text, int at, Span<char> read, List<Skip>? skips)
    {
        var (n, from, nested) = (0, 0, false);
        while (at >= 0)
        {
            var next = at + 1;
            if (Run(text, at) is var (end, broken) && end > at)
            {
                text[from..at].CopyTo(read[n..]);
                n += at - from;
                from = next = end;
                skips?.Add(new Skip(n, from - n, end - at, broken));
            }
            else if (SecretEscapes.At(text, at) is { } escape)
            {
                text[from..at].CopyTo(read[n..]);
                n += at - from;
                read[n++] = escape.Value;
                nested |= escape.Value is '%' or '\\' or '&' && StartsAnother(escape.Value, text[(at + escape.Length)..]);
                from = next = at + escape.Length;
                skips?.Add(new Skip(n, from - n, 0, false));
            }
            else if (text[at] == '\\')
            {
                next = at + 2; // an escape not read through (\b, \f) is passed over whole: its letter starts nothing
            }

            at = next >= text.Length ? -1 : text[next..].IndexOfAny(Starts) is var i and >= 0 ? next + i : -1;
        }

        text[from..].CopyTo(read[n..]);
        return (n + text.Length - from, nested);
    }

    /// <summary>Whether <paramref name="decoded"/>, followed by <paramref name="rest"/>, starts an escape or an escaped line break: a reading of the reading would decode it.</summary>
    private static bool StartsAnother(char decoded, ReadOnlySpan<char> rest)
    {
        Span<char> next = stackalloc char[10];
        next[0] = decoded;
        var length = 1 + Math.Min(rest.Length, next.Length - 1);
        rest[..(length - 1)].CopyTo(next[1..]);
        return (decoded == '\\' && length > 1 && next[1] is 'n' or 'r' or 't') || SecretEscapes.At(next[..length], 0) is not null;
    }

    /// <summary>The index of the last skip at or before position <paramref name="at"/> of the text as read, or -1 (binary search: a text of many words has many).</summary>
    public static int Before(List<Skip> skips, int at)
    {
        var (low, high) = (0, skips.Count - 1);
        while (low <= high)
        {
            var mid = (low + high) / 2;
            (low, high) = skips[mid].At <= at ? (mid + 1, high) : (low, mid - 1);
        }

        return high;
    }

    /// <summary>Where the run of separators at <paramref name="at"/> ends (<paramref name="at"/> itself when none starts there), and whether it holds a line break or an escape.</summary>
    private static (int End, bool Broken) Run(ReadOnlySpan<char> text, int at)
    {
        var broken = false;
        while (at < text.Length)
        {
            switch (text[at])
            {
                case ' ' or '\t':
                    at++;
                    break;
                case '\r' or '\n':
                    broken = true;
                    at++;
                    break;
                case '\\' when at + 1 < text.Length && text[at + 1] is 'n' or 'r' or 't':
                    broken = true;
                    at += 2;
                    break;
                case var c when Invisible.Contains(c):
                    broken = true;
                    at++;
                    break;
                case '\\' or '&' when SecretEscapes.At(text, at) is { } escape && Invisible.Contains(escape.Value):
                    broken = true; // \u00AD, &shy;, &#8203; as a JSON string or a page writes them
                    at += escape.Length;
                    break;
                case '<' when Tag(text[at..]) is var length and > 0:
                    broken = true;
                    at += length;
                    break;
                default:
                    return (at, broken);
            }
        }

        return (at, broken);
    }

    /// <summary>The length of the HTML line break (<c>&lt;br&gt;</c>, <c>&lt;wbr /&gt;</c>) <paramref name="rest"/> starts with, or 0.</summary>
    private static int Tag(ReadOnlySpan<char> rest)
    {
        foreach (var tag in Breaks)
        {
            if (rest.StartsWith(tag, StringComparison.OrdinalIgnoreCase))
            {
                return tag.Length;
            }
        }

        return 0;
    }

    /// <summary>
    /// From position <paramref name="At"/> of the text as read on, <paramref name="Skipped"/> more characters of the text
    /// lie before it; <paramref name="Run"/>: the separators skipped right before it (0 for an escape, which ends right
    /// before it); <paramref name="Break"/>: a line break or an escaped one among them.
    /// </summary>
    internal readonly record struct Skip(int At, int Skipped, int Run, bool Break);
}
