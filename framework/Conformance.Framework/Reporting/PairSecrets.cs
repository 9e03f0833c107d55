using System.Buffers;
using System.Text;

namespace Conformance.Reporting;

/// <summary>
/// Credentials a text quotes as <c>name=value</c>, <c>name: value</c> or <c>"name":"value"</c> outside a URL query (an HTML
/// page, a log line echoed in a 500 body, a challenge's parameters, JSON quoted in a message): the value after a name like a
/// credential's, from <see cref="ResponseSecrets.MinBodyValue"/> characters on, as <see cref="ResponseSecrets"/> reads a JSON
/// body (<c>token_type=Bearer</c> is a label); after an auth scheme, the credential alone (<c>Authorization: Bearer ***</c>).
/// An unquoted value that reads as a word (<c>X-Session-Token: expected present</c>, <c>client_credentials</c>), a URL
/// (<c>tokenUrl=https://...</c>, whose credentials <see cref="UrlSecrets"/> masks) or comes before a pack's placeholder
/// (<c>Cookie: session_id={token}</c>) is none, nor is any value after a name inside a path (<c>/properties/token</c>, a body
/// path's <c>/access_token: expected ...</c>). The text is read once, forward, each name found by a vectorized search for
/// the credential words, so the cost stays linear in its length.
/// </summary>
internal static class PairSecrets
{
    /// <summary>A quoted value longer than this is read as an unquoted one (a quote never closed).</summary>
    private const int MaxQuoted = 4096;

    private static readonly SearchValues<char> Separators = SearchValues.Create("=:");
    private static readonly SearchValues<char> ValueEnd = SearchValues.Create(" \t\r\n\"'`<>,;&()[]{}\\");

    /// <summary>The text with each such value replaced by <see cref="Redactor.Mask"/>; itself when it quotes none.</summary>
    public static string Mask(string text, Func<string, bool> isSecretName)
    {
        if (Find(text, isSecretName) is not { } found)
        {
            return text;
        }

        var masked = new StringBuilder(text.Length);
        var done = 0;
        foreach (var (start, length) in found)
        {
            masked.Append(text, done, start - done).Append(Redactor.Mask);
            done = start + length;
        }

        return masked.Append(text, done, text.Length - done).ToString();
    }

    /// <summary>Each such value the text quotes (what a text body a target answers hands out).</summary>
    public static IEnumerable<string> Values(string text, Func<string, bool> isSecretName) =>
        Find(text, isSecretName) is { } found ? found.Select(v => text.Substring(v.Start, v.Length)) : [];

    /// <summary>Where the values are, in order and apart; null when there are none.</summary>
    private static List<(int Start, int Length)>? Find(string text, Func<string, bool> isSecretName)
    {
        var span = text.AsSpan();
        if (span.IndexOfAny(Separators) < 0)
        {
            return null;
        }

        List<(int Start, int Length)>? found = null;
        for (var at = 0; at < span.Length && span[at..].IndexOfAny(Redactor.SecretWordSearch) is var i and >= 0;)
        {
            var (start, end) = (at + i, at + i);
            while (start > at && IsNameChar(span[start - 1]))
            {
                start--;
            }

            while (end < span.Length && IsNameChar(span[end]))
            {
                end++;
            }

            at = end;
            var value = ValueAt(span, end);
            if (value < 0 || (start > 0 && span[start - 1] == '/') || !isSecretName(text[start..end]))
            {
                continue;
            }

            var (_, valueEnd, credential) = Read(span, value);
            at = Math.Max(at, valueEnd);
            if (credential.Length > 0)
            {
                (found ??= []).Add(credential);
            }
        }

        return found;
    }

    /// <summary>Where the value starts after a name ending at <paramref name="end"/>: past its closing quote, the separator and spaces; -1 when no separator follows.</summary>
    private static int ValueAt(ReadOnlySpan<char> text, int end)
    {
        var p = end + QuoteLength(text, end);
        p += Spaces(text[p..]);
        if (p >= text.Length || !Separators.Contains(text[p]) || (p + 1 < text.Length && text[p + 1] is '=' or ':' or '>'))
        {
            return -1;
        }

        p++;
        return p + Spaces(text[p..]);
    }

    /// <summary>The value at <paramref name="p"/>: where it ends, and the credential in it (empty when it is none).</summary>
    private static (int Start, int End, (int Start, int Length) Credential) Read(ReadOnlySpan<char> text, int p)
    {
        var quote = QuoteLength(text, p);
        if (quote > 0 && Closing(text, p + quote, quote) is var close and >= 0)
        {
            var inner = text[(p + quote)..close];
            var skip = Scheme(inner);
            return (p, close + quote, inner.Length >= ResponseSecrets.MinBodyValue && !inner.Contains("://", StringComparison.Ordinal)
                ? (p + quote + skip, inner.Length - skip) : default);
        }

        var end = Unquoted(text, p + quote);
        var word = text[(p + quote)..end];
        if (ResponseSecrets.IsScheme(word) && end + 1 < text.Length && text[end] == ' ')
        {
            var after = Unquoted(text, end + 1);
            return (p, after, after - end - 1 >= ResponseSecrets.MinBodyValue ? (end + 1, after - end - 1) : default);
        }

        var placeholder = end < text.Length && text[end] == '{'; // a pack's credential placeholder: Cookie: session_id={token}
        return (p, end, word.Length >= ResponseSecrets.MinBodyValue && !placeholder && !IsWord(word) && !word.Contains("://", StringComparison.Ordinal) ? (p + quote, word.Length) : default);
    }

    /// <summary>The length of the auth scheme and space a quoted value opens with (<c>"Bearer abc..."</c>), else 0.</summary>
    private static int Scheme(ReadOnlySpan<char> value) =>
        value.IndexOf(' ') is var space and > 0 && ResponseSecrets.IsScheme(value[..space]) && space + 1 < value.Length ? space + 1 : 0;

    /// <summary>Where the quote opened before <paramref name="from"/> closes (a <c>\"</c> inside a <c>"</c> is escaped; JSON quoted in JSON closes at <c>\"</c>; an HTML-escaped quote at the same entity), or -1.</summary>
    private static int Closing(ReadOnlySpan<char> text, int from, int quote)
    {
        if (quote > 2)
        {
            return text[from..Math.Min(text.Length, from + MaxQuoted)].IndexOf(text[(from - quote)..from], StringComparison.Ordinal) is var at and >= 0 ? from + at : -1;
        }

        var mark = text[from - 1];
        var window = text[from..Math.Min(text.Length, from + MaxQuoted)];
        for (var i = window.IndexOf(mark); i >= 0; i = window[(i + 1)..].IndexOf(mark) is var next and >= 0 ? i + 1 + next : -1)
        {
            var escaped = i > 0 && window[i - 1] == '\\';
            if (quote == 2 && escaped)
            {
                return from + i - 1;
            }

            if (quote == 1 && !(mark == '"' && escaped))
            {
                return from + i;
            }
        }

        return -1;
    }

    private static int Unquoted(ReadOnlySpan<char> text, int from) => text[from..].IndexOfAny(ValueEnd) is var i and >= 0 ? from + i : text.Length;

    /// <summary>
    /// 1 for <c>"</c> or <c>'</c>, 2 for <c>\"</c> (JSON quoted inside a JSON string), the entity's length for an
    /// HTML-escaped double quote (<c>&amp;quot;</c>, <c>&amp;#34;</c>, <c>&amp;#x22;</c>: JSON shown in an HTML page), else 0.
    /// </summary>
    private static int QuoteLength(ReadOnlySpan<char> text, int at) => at >= text.Length ? 0 : text[at] switch
    {
        '"' or '\'' => 1,
        '\\' when at + 1 < text.Length && text[at + 1] == '"' => 2,
        '&' => HtmlQuote(text[at..]),
        _ => 0,
    };

    private static int HtmlQuote(ReadOnlySpan<char> text) =>
        text.StartsWith("&quot;", StringComparison.OrdinalIgnoreCase) || text.StartsWith("&#x22;", StringComparison.OrdinalIgnoreCase) ? 6
        : text.StartsWith("&#34;", StringComparison.Ordinal) ? 5
        : 0;

    private static int Spaces(ReadOnlySpan<char> text) => text.IndexOfAnyExcept(' ', '\t') is var i and >= 0 ? i : text.Length;

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';

    /// <summary>Letters (words joined by <c>_</c>, <c>-</c> or <c>.</c>) all lower-case, all upper-case or capitalized: prose or a label, not a credential.</summary>
    private static bool IsWord(ReadOnlySpan<char> value)
    {
        var (upper, lower) = (0, 0);
        foreach (var c in value)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                upper++;
            }
            else if (char.IsAsciiLetterLower(c))
            {
                lower++;
            }
            else if (c is not ('_' or '-' or '.'))
            {
                return false;
            }
        }

        return upper == 0 || lower == 0 || (upper == 1 && char.IsAsciiLetterUpper(value[0]));
    }
}
