using System.Buffers;

namespace Conformance.Reporting;

/// <summary>
/// A secret a target wrote across lines: a text body wrapped every N characters (base64 in MIME lines of 76, a debug
/// page's fixed-width block), with LF or CRLF and the next line indented. Each piece alone says nothing, so the forms of
/// the secrets are looked for in the text read as if each line break and the spaces or tabs after it were not there,
/// and a form found across a break is masked from its first character to its last, the breaks inside it with it. Only a
/// text with a line break is read again, its lines copied whole (no character-by-character pass); what lies within one
/// line was masked already (<see cref="SecretMatches"/>).
/// </summary>
internal static class WrappedSecrets
{
    public static string Mask(string text, IReadOnlyList<string> forms, SearchValues<string> search)
    {
        var first = text.IndexOf('\n', StringComparison.Ordinal);
        if (first < 0)
        {
            return text;
        }

        var joined = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            // Where the joined text skips characters: from joined position At on, Skipped more characters of the text lie before it.
            var skips = new List<(int At, int Skipped)>();
            var length = Join(text, first, joined, skips);
            var folded = joined.AsSpan(0, length);
            SecretMatches.FoldInPlace(folded);
            // Only a form found across a break is new: one within a line was masked already.
            var hits = SecretMatches.Find(folded, forms, search)?
                .Select(h => (Hit: h, First: Skipped(skips, h.Start), Last: Skipped(skips, h.End - 1)))
                .Where(h => h.First != h.Last)
                .Select(h => (h.Hit.Start + h.First, h.Hit.End + h.Last))
                .ToList();
            return hits is not { Count: > 0 } ? text : SecretMatches.Apply(text, hits);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(joined);
        }
    }

    /// <summary>The text without its line breaks (LF, CRLF) and the spaces and tabs after each, into <paramref name="joined"/>, a line at a time.</summary>
    private static int Join(string text, int newline, char[] joined, List<(int At, int Skipped)> skips)
    {
        var n = 0;
        var from = 0;
        while (newline >= 0)
        {
            var end = newline > from && text[newline - 1] == '\r' ? newline - 1 : newline;
            text.AsSpan(from, end - from).CopyTo(joined.AsSpan(n));
            n += end - from;
            from = newline + 1;
            while (from < text.Length && text[from] is ' ' or '\t')
            {
                from++;
            }

            skips.Add((n, from - n));
            newline = from < text.Length ? text.IndexOf('\n', from) : -1;
        }

        text.AsSpan(from).CopyTo(joined.AsSpan(n));
        return n + text.Length - from;
    }

    /// <summary>How many characters of the text lie before joined position <paramref name="at"/> beyond <paramref name="at"/> itself.</summary>
    private static int Skipped(List<(int At, int Skipped)> skips, int at)
    {
        var skipped = 0;
        foreach (var (from, count) in skips)
        {
            if (from > at)
            {
                break;
            }

            skipped = count;
        }

        return skipped;
    }
}
