using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;

namespace Conformance.Reporting;

/// <summary>
/// More forms a target may quote a secret in (<see cref="SecretForms"/> has the others): escaped in an HTML page as
/// template engines escape text, inside base64 it encoded (a JWT it minted, a Basic credential, a cursor), and written
/// byte by byte.
/// </summary>
internal static class EncodedForms
{
    /// <summary>Shorter secrets get no base64 form: its 10 or so characters would be too few to tell it from chance.</summary>
    public const int MinBase64Secret = 8;

    private static readonly SearchValues<char> HtmlSpecial = SearchValues.Create("&<>\"'+");

    /// <summary>
    /// The secret HTML-escaped as .NET's <c>WebUtility</c> and PHP (<c>&amp;#39;</c>, Latin-1 as <c>&amp;#228;</c>), ASP.NET
    /// Core's Razor (<c>&amp;#x2B;</c>, <c>&amp;#x27;</c>, non-ASCII as <c>&amp;#xE4;</c>), Go's html/template (<c>&amp;#43;</c>,
    /// <c>&amp;#34;</c>) and Python (<c>&amp;#x27;</c>) write it; none when it has no character they escape.
    /// </summary>
    public static IEnumerable<string> Html(string secret)
    {
        if (secret.AsSpan().IndexOfAny(HtmlSpecial) < 0 && Ascii.IsValid(secret))
        {
            return [];
        }

        return
        [
            WebUtility.HtmlEncode(secret),
            HtmlEncoder.Default.Encode(secret),
            Escape(secret, c => c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&#34;", '\'' => "&#39;", '+' => "&#43;", _ => null }),
            Escape(secret, c => c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&quot;", '\'' => "&#x27;", _ => null }),
        ];
    }

    /// <summary>
    /// The secret's UTF-8 bytes in base64 (standard and URL-safe) at each of the 3 alignments they may take inside longer
    /// encoded data: the characters only its bytes decide, also with <c>/</c> written <c>\/</c> as PHP's json_encode writes
    /// it. The first and last characters of each may share bits with the data around it and are left out, so what
    /// remains shown of it says nothing of the secret.
    /// </summary>
    public static IEnumerable<string> Base64(string secret)
    {
        if (secret.Length < MinBase64Secret)
        {
            yield break;
        }

        var bytes = Encoding.UTF8.GetBytes(secret);
        for (var offset = 0; offset < 3; offset++)
        {
            var aligned = new byte[offset + bytes.Length];
            bytes.CopyTo(aligned, offset);
            var (start, end) = (((8 * offset) + 5) / 6, 8 * aligned.Length / 6);
            var core = Convert.ToBase64String(aligned)[start..end];
            yield return core;
            yield return core.Replace('+', '-').Replace('/', '_');
            if (core.Contains('/', StringComparison.Ordinal))
            {
                yield return core.Replace("/", "\\/", StringComparison.Ordinal); // inside a JSON string PHP wrote
            }
        }
    }

    /// <summary>
    /// The secret written byte by byte or character by character: its UTF-8 bytes in hex (a request id, a debug dump; one
    /// form serves both cases, as every form's letters match in either case) and percent-encoded every one, and each
    /// character as an HTML decimal entity.
    /// </summary>
    public static IEnumerable<string> Bytewise(string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        yield return Convert.ToHexString(bytes);
        yield return string.Concat(bytes.Select(b => "%" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
        yield return string.Concat(secret.EnumerateRunes().Select(r => "&#" + r.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";"));
    }

    private static string Escape(string secret, Func<char, string?> entity)
    {
        var text = new StringBuilder(secret.Length + 16);
        foreach (var c in secret)
        {
            _ = entity(c) is { } escaped ? text.Append(escaped) : text.Append(c);
        }

        return text.ToString();
    }
}
