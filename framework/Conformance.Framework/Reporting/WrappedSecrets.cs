using System.Buffers;

namespace Conformance.Reporting;

/// <summary>
/// A secret a target wrote across lines: a text body wrapped every N characters (base64 in MIME lines of 76, a debug
/// page's fixed-width block), with LF or CRLF and the next line indented. Each piece alone says nothing, so the forms of
/// the secrets are looked for in the text read as if each line break and the spaces or tabs after it were not there,
/// and a form found across a break is masked from its first character to its last, the breaks inside it with it. Only a
/// text with a line break is read again; what lies within one line was masked already (<see cref="SecretMatches"/>).
/// </summary>
internal static class WrappedSecrets
{
    public static string Mask(string text, IReadOnlyList<string> forms, SearchValues<string> search)
    {
        if (!text.Contains('\n', StringComparison.Ordinal))
        {
            return text;
        }

        var joined = ArrayPool<char>.Shared.Rent(text.Length);
        var where = ArrayPool<int>.Shared.Rent(text.Length);
        try
        {
            var length = Join(text, joined, where);
            var folded = joined.AsSpan(0, length);
            SecretMatches.FoldInPlace(folded);
            List<(int Start, int End)>? hits = null;
            for (var at = folded.IndexOfAny(search); at >= 0; at = folded[(at + 1)..].IndexOfAny(search) is var next and >= 0 ? at + 1 + next : -1)
            {
                foreach (var form in forms)
                {
                    if (folded[at..].StartsWith(form, StringComparison.Ordinal))
                    {
                        var (start, end) = (where[at], where[at + form.Length - 1] + 1);
                        if (end - start > form.Length)
                        {
                            (hits ??= []).Add((start, end)); // across a break: a form within one line is masked already
                        }

                        break;
                    }
                }
            }

            return hits is null ? text : SecretMatches.Apply(text, hits);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(joined);
            ArrayPool<int>.Shared.Return(where);
        }
    }

    /// <summary>The text without its line breaks (LF, CRLF) and the spaces and tabs after each, into <paramref name="joined"/>; <paramref name="where"/> holds each kept character's place in the text.</summary>
    private static int Join(string text, char[] joined, int[] where)
    {
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (c == '\n')
            {
                while (i + 1 < text.Length && text[i + 1] is ' ' or '\t')
                {
                    i++;
                }

                continue;
            }

            joined[n] = c;
            where[n++] = i;
        }

        return n;
    }
}
