using System.Buffers;

namespace Conformance.Reporting;

/// <summary>
/// The runs of a text that read as base64 or base64url (<see cref="Base64Secrets"/>): characters of either alphabet; a
/// <c>+</c> or <c>/</c> escaped as a JSON string, a URL or an HTML page writes it (<see cref="SecretEscapes"/>); a line
/// break (LF, CRLF, CR, or <c>\n</c>, <c>\r\n</c>, <c>\r</c> in a JSON string) after a line of a multiple of 4
/// characters, <see cref="Base64Secrets.MinRun"/> or more, the next line maybe indented; then up to two <c>=</c>, maybe escaped.
/// A run of hex digits and dashes alone is no base64 of a text.
/// </summary>
internal static class Base64Runs
{
    private static readonly SearchValues<char> Alphabet = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_");

    /// <summary>A run of these alone is hex (a UUID, a hash, a hex dump), not base64 of a text: its letters would be all a to f.</summary>
    private static readonly SearchValues<char> Hex = SearchValues.Create("0123456789abcdefABCDEF-");

    /// <summary>
    /// The next run of <see cref="Base64Secrets.MinRun"/> or more base64 characters at or after <paramref name="at"/>: its
    /// start and end in the text and how many base64 characters it holds, written to <paramref name="chars"/> (<c>-</c> and
    /// <c>_</c> as <c>+</c> and <c>/</c>); null when none is left.
    /// </summary>
    public static (int Start, int End, int Count)? Next(string text, int at, char[] chars)
    {
        while (at < text.Length && text.AsSpan(at).IndexOfAny(Alphabet) is var i and >= 0)
        {
            var start = at + i;
            var plain = text.AsSpan(start).IndexOfAnyExcept(Alphabet) is var p and >= 0 ? p : text.Length - start;
            if (plain < Base64Secrets.MinRun && (start + plain == text.Length || text[start + plain] is not ('%' or '\\' or '&')))
            {
                at = start + plain; // a word or an id: too short, and no escaped + or / can carry it on (a line break needs a line of MinRun first)
                continue;
            }

            var (end, count) = Extent(text, start, chars);
            if (count >= Base64Secrets.MinRun && chars.AsSpan(0, count).ContainsAnyExcept(Hex))
            {
                var written = chars.AsSpan(0, count);
                written.Replace('-', '+');
                written.Replace('_', '/');
                return (start, end, count);
            }

            at = end;
        }

        return null;
    }

    private static (int End, int Count) Extent(string text, int at, char[] chars)
    {
        var (count, line) = (0, 0);
        while (at < text.Length)
        {
            var plain = text.AsSpan(at).IndexOfAnyExcept(Alphabet) is var p and >= 0 ? p : text.Length - at;
            text.AsSpan(at, plain).CopyTo(chars.AsSpan(count));
            (at, count, line) = (at + plain, count + plain, line + plain);
            if (at < text.Length && SecretEscapes.At(text, at) is { Value: '+' or '/' } escape)
            {
                chars[count++] = escape.Value;
                (at, line) = (at + escape.Length, line + 1);
            }
            else if (at < text.Length && line >= Base64Secrets.MinRun && line % 4 == 0 && Break(text, at) is var next && next > at && next < text.Length && Alphabet.Contains(text[next]))
            {
                (at, line) = (next, 0);
            }
            else
            {
                break;
            }
        }

        for (var pad = 0; pad < 2 && at < text.Length; pad++)
        {
            if (text[at] == '=')
            {
                at++;
            }
            else if (SecretEscapes.At(text, at) is { Value: '=' } escape)
            {
                at += escape.Length;
            }
            else
            {
                break;
            }
        }

        return (at, count);
    }

    /// <summary>Where the line break at <paramref name="at"/> and the indentation after it end; <paramref name="at"/> itself when no line break starts there.</summary>
    private static int Break(string text, int at)
    {
        var rest = text.AsSpan(at);
        var length = rest switch
        {
            ['\r', '\n', ..] => 2,
            ['\r' or '\n', ..] => 1,
            ['\\', 'r', '\\', 'n', ..] => 4,
            ['\\', 'r' or 'n', ..] => 2,
            _ => 0,
        };
        return length == 0 ? at : at + length + (rest[length..].IndexOfAnyExcept(" \t") is var i and >= 0 ? i : rest.Length - length);
    }
}
