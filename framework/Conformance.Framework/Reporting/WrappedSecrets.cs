using System.Buffers;

namespace Conformance.Reporting;

/// <summary>
/// A secret a target wrote in pieces or escaped its own way: a text body wrapped every N characters (base64 in MIME lines
/// of 76, a debug page's fixed-width block) with LF, CRLF or CR and the next line indented, the same inside a JSON string
/// (<c>\n</c>, <c>\r\n</c>, <c>\r</c>, <c>\t</c> escaped), cut into groups by spaces or tabs (<c>abcd efgh</c>, a hex
/// dump's <c>74 6f 6b</c>), or with some of its characters escaped as its encoder chose (<see cref="SecretEscapes"/>).
/// The forms of the secrets are looked for once more, in the text read as if those separators were not there and those
/// escapes decoded; a form found there is masked from its first character to its last, what lies between with it. A
/// form found across spaces or tabs alone must be <see cref="MinSpacedForm"/> characters or more and hold a character
/// other than a letter: words a sentence puts side by side (<c>open sesame</c>) are not a secret (<c>opensesame</c>)
/// written in groups. The places where characters were skipped are worked out only when a form is found.
/// </summary>
internal static class WrappedSecrets
{
    public const int MinSpacedForm = 8;
    private static readonly SearchValues<char> Starts = SearchValues.Create(" \t\r\n\\%&");
    private static readonly SearchValues<char> Letters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    public static string Mask(string text, IReadOnlyList<string> forms, SearchValues<string> search)
    {
        var first = text.AsSpan().IndexOfAny(Starts);
        if (first < 0)
        {
            return text;
        }

        var read = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var length = Read(text, first, read, null);
            if (length == text.Length)
            {
                return text;
            }

            var folded = read.AsSpan(0, length);
            SecretMatches.FoldInPlace(folded);
            if (SecretMatches.Find(folded, forms, search) is not { } found)
            {
                return text;
            }

            var skips = new List<Skip>();
            Read(text, first, read, skips);
            var hits = found.Select(h => Place(h, read, skips)).OfType<(int, int)>().ToList();
            return hits.Count == 0 ? text : SecretMatches.Apply(text, hits);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(read);
        }
    }

    /// <summary>
    /// A hit in the text as read, as a range of the text (separators before and after it left out); null when nothing
    /// was skipped or decoded inside it, or it was found across spaces or tabs alone and is short or letters only.
    /// </summary>
    private static (int Start, int End)? Place((int Start, int End) hit, char[] read, List<Skip> skips)
    {
        var from = Before(skips, hit.Start);
        var to = Before(skips, hit.End);
        var (inside, spaced, broken, trailing) = (false, false, false, 0);
        for (var i = from + 1; i <= to; i++)
        {
            if (skips[i].At == hit.End && skips[i].Run > 0)
            {
                trailing += skips[i].Run;
                continue;
            }

            inside = true;
            spaced |= skips[i] is { Run: > 0, Break: false };
            broken |= skips[i].Break;
        }

        var word = hit.End - hit.Start < MinSpacedForm || !read.AsSpan(hit.Start, hit.End - hit.Start).ContainsAnyExcept(Letters);
        if (!inside || (spaced && !broken && word))
        {
            return null;
        }

        return (hit.Start + (from < 0 ? 0 : skips[from].Skipped), hit.End + skips[to].Skipped - trailing);
    }

    /// <summary>
    /// The text without its separators (LF, CRLF, CR, the escapes <c>\n</c>, <c>\r</c>, <c>\t</c>, spaces and tabs) and
    /// with its escapes decoded, into <paramref name="read"/>; with <paramref name="skips"/>, where characters were skipped.
    /// </summary>
    private static int Read(string text, int at, char[] read, List<Skip>? skips)
    {
        var n = 0;
        var from = 0;
        while (at >= 0)
        {
            var next = at + 1;
            if (Run(text, at) is var (end, broken) && end > at)
            {
                text.AsSpan(from, at - from).CopyTo(read.AsSpan(n));
                n += at - from;
                from = next = end;
                skips?.Add(new Skip(n, from - n, end - at, broken));
            }
            else if (SecretEscapes.At(text, at) is { } escape)
            {
                text.AsSpan(from, at - from).CopyTo(read.AsSpan(n));
                n += at - from;
                read[n++] = escape.Value;
                from = next = at + escape.Length;
                skips?.Add(new Skip(n, from - n, 0, false));
            }
            else if (text[at] == '\\')
            {
                next = at + 2; // an escape not read through (\b, \f) is passed over whole: its letter starts nothing
            }

            at = next >= text.Length ? -1 : text.AsSpan(next).IndexOfAny(Starts) is var i and >= 0 ? next + i : -1;
        }

        text.AsSpan(from).CopyTo(read.AsSpan(n));
        return n + text.Length - from;
    }

    /// <summary>Where the run of separators at <paramref name="at"/> ends (<paramref name="at"/> itself when none starts there), and whether it holds a line break or an escape.</summary>
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

    /// <summary>The index of the last skip at or before position <paramref name="at"/> of the text as read, or -1 (binary search: a text of many words has many).</summary>
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

    /// <summary>
    /// From position <paramref name="At"/> of the text as read on, <paramref name="Skipped"/> more characters of the text
    /// lie before it; <paramref name="Run"/>: the separators skipped right before it (0 for an escape, which ends right
    /// before it); <paramref name="Break"/>: a line break or an escaped one among them.
    /// </summary>
    private readonly record struct Skip(int At, int Skipped, int Run, bool Break);
}
