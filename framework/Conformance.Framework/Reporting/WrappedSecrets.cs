using System.Buffers;

namespace Conformance.Reporting;

/// <summary>
/// A secret a target wrote in pieces: a text body wrapped every N characters (base64 in MIME lines of 76, a debug page's
/// fixed-width block) with LF or CRLF and the next line indented, the same inside a JSON string (<c>\n</c>, <c>\r\n</c>,
/// <c>\t</c> escaped), or cut into groups by spaces or tabs (<c>abcd efgh</c>, a hex dump's <c>74 6f 6b</c>). Each piece
/// alone says nothing, so the forms of the secrets are looked for in the text read as if those separators were not there,
/// and a form found across one is masked from its first character to its last, the separators inside it with it. A form
/// found across spaces or tabs alone must be <see cref="MinSpacedForm"/> characters or more and hold a character other
/// than a letter: words a sentence puts side by side (<c>open sesame</c>) are not a secret (<c>opensesame</c>) written in
/// groups. What lies within one piece was masked already (<see cref="SecretMatches"/>); the places where characters were
/// skipped are worked out only when a form is found.
/// </summary>
internal static class WrappedSecrets
{
    public const int MinSpacedForm = 8;
    private static readonly SearchValues<char> Separators = SearchValues.Create(" \t\r\n\\");
    private static readonly SearchValues<char> Letters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    public static string Mask(string text, IReadOnlyList<string> forms, SearchValues<string> search)
    {
        var first = text.AsSpan().IndexOfAny(Separators);
        if (first < 0)
        {
            return text;
        }

        var joined = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var length = Join(text, first, joined, null);
            if (length == text.Length)
            {
                return text;
            }

            var folded = joined.AsSpan(0, length);
            SecretMatches.FoldInPlace(folded);
            if (SecretMatches.Find(folded, forms, search) is not { } found)
            {
                return text;
            }

            var spaced = new bool[found.Count];
            for (var i = 0; i < found.Count; i++)
            {
                spaced[i] = found[i].End - found[i].Start >= MinSpacedForm && folded[found[i].Start..found[i].End].ContainsAnyExcept(Letters);
            }

            var skips = new List<Skip>();
            Join(text, first, joined, skips);
            var hits = found.Select((h, i) => Place(h, spaced[i], skips)).OfType<(int, int)>().ToList();
            return hits.Count == 0 ? text : SecretMatches.Apply(text, hits);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(joined);
        }
    }

    /// <summary>
    /// A hit in the joined text as a range of the text; null when it lies within one piece, or was found across spaces or
    /// tabs alone and may not be (<paramref name="spaced"/> false: shorter than <see cref="MinSpacedForm"/>, or letters only).
    /// </summary>
    private static (int Start, int End)? Place((int Start, int End) hit, bool spaced, List<Skip> skips)
    {
        var from = Before(skips, hit.Start);
        var to = Before(skips, hit.End - 1);
        if (from == to)
        {
            return null;
        }

        var broken = false;
        for (var i = from + 1; i <= to; i++)
        {
            broken |= skips[i].Break;
        }

        return broken || spaced ? (hit.Start + (from < 0 ? 0 : skips[from].Skipped), hit.End + skips[to].Skipped) : null;
    }

    /// <summary>
    /// The text without its separators (LF, CRLF, CR, the escapes <c>\n</c>, <c>\r</c>, <c>\t</c>, spaces and tabs) into
    /// <paramref name="joined"/>, a piece at a time; with <paramref name="skips"/>, where characters were skipped.
    /// </summary>
    private static int Join(string text, int at, char[] joined, List<Skip>? skips)
    {
        var n = 0;
        var from = 0;
        while (at >= 0)
        {
            var (end, broken) = Run(text, at);
            if (end > at)
            {
                text.AsSpan(from, at - from).CopyTo(joined.AsSpan(n));
                n += at - from;
                from = end;
                skips?.Add(new Skip(n, from - n, broken));
            }

            var next = Math.Max(end, at + (text[at] == '\\' ? 2 : 1));
            at = next >= text.Length ? -1 : text.AsSpan(next).IndexOfAny(Separators) is var i and >= 0 ? next + i : -1;
        }

        text.AsSpan(from).CopyTo(joined.AsSpan(n));
        return n + text.Length - from;
    }

    /// <summary>Where the run of separators at <paramref name="at"/> ends (<paramref name="at"/> itself when a backslash there starts no separator), and whether it holds a line break or an escape.</summary>
    private static (int End, bool Broken) Run(string text, int at)
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
                default:
                    return (at, broken);
            }
        }

        return (at, broken);
    }

    /// <summary>The index of the last skip at or before joined position <paramref name="at"/>, or -1 (binary search: a text of many words has many).</summary>
    private static int Before(List<Skip> skips, int at)
    {
        var (low, high) = (0, skips.Count - 1);
        while (low <= high)
        {
            var mid = (low + high) / 2;
            (low, high) = skips[mid].At <= at ? (mid + 1, high) : (low, mid - 1);
        }

        return high;
    }

    /// <summary>From joined position <paramref name="At"/> on, <paramref name="Skipped"/> more characters of the text lie before it; <paramref name="Break"/>: a line break or an escape among them.</summary>
    private readonly record struct Skip(int At, int Skipped, bool Break);
}
