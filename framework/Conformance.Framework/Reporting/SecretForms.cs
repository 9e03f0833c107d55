using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Conformance.Reporting;

/// <summary>
/// The forms a secret takes where a target or an error message quotes it: as written; percent-encoded (URL and form
/// encoding), as in a URL or a form body; and inside a JSON string as serializers escape it, which is how a check quotes
/// a body value: System.Text.Json writes <c>+</c> as <c>\u002B</c>, Go writes <c>&lt;</c> as <c>\u003c</c>, Python writes
/// non-ASCII as <c>\u00e4</c>, PHP writes <c>/</c> as <c>\/</c>; in a UTF-16 body, which reports read as UTF-8; and
/// HTML-escaped or inside base64 (<see cref="EncodedForms"/>), also the base64 of its JSON string as System.Text.Json
/// writes it (a JWT .NET minted around a secret holding <c>+</c> carries <c>\u002B</c> in its payload); in hex, and with every
/// character escaped (<c>%XX</c>, <c>\uXXXX</c>, <c>&amp;#NN;</c>), as a request id or a debug page may write it. The hex digits of an
/// escape need no second form in lower case: every form's ASCII letters match in either case.
/// </summary>
internal static class SecretForms
{
    private static readonly Func<char, bool>[] Escaped =
    [
        _ => false,
        c => c > '~',
        c => c is '<' or '>' or '&',
        c => c is '<' or '>' or '&' or '\'' or '+' or '`', // System.Text.Json with every Unicode range allowed
        _ => true, // every character, as some encoders write a whole value
    ];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The secret and, when it is a Basic credential (base64 of <c>user:password</c>, as the Fone Dynamics pack's token), the
    /// decoded pair and the password, which a target that decodes it may quote; the user name alone is not a secret.
    /// </summary>
    public static IEnumerable<string> WithBasicParts(string secret)
    {
        yield return secret;
        if (BasicPair(secret) is { } pair)
        {
            yield return pair;
            yield return pair[(pair.IndexOf(':', StringComparison.Ordinal) + 1)..];
        }
    }

    public static IEnumerable<string> Of(string secret)
    {
        var encoded = new[] { secret, Uri.EscapeDataString(secret), WebUtility.UrlEncode(secret) };
        // As written and as an HTML page quotes it, each also inside a JSON string (a JSON API answering an HTML snippet).
        var quoted = EncodedForms.Html(secret).Prepend(secret).Distinct(StringComparer.Ordinal).ToList();
        var json = quoted.SelectMany(q => Escaped.Select(e => Json(q, e)).Append(JsonEncodedText.Encode(q).ToString()))
            .SelectMany(v => new[] { v, v.Replace("/", "\\/", StringComparison.Ordinal) });
        // A UTF-16 body read as UTF-8 shows an ASCII secret with a NUL after each character.
        var utf16 = Ascii.IsValid(secret) ? [string.Join('\0', secret.ToCharArray())] : Array.Empty<string>();
        // A JWT .NET mints around it holds the base64 of its JSON string as System.Text.Json writes it (+ as \u002B), when that
        // differs; an OAuth client's Basic credential holds it percent-encoded first (RFC 6749 2.3.1).
        var minted = JsonEncodedText.Encode(secret).ToString() is var escaped && escaped != secret ? [escaped] : Array.Empty<string>();
        var inBase64 = minted.Concat(encoded).Distinct(StringComparer.Ordinal).SelectMany(EncodedForms.Base64);
        return encoded.Concat(quoted).Concat(json).Concat(utf16).Concat(EncodedForms.Bytewise(secret)).Concat(inBase64).Distinct(StringComparer.Ordinal);
    }

    private static string? BasicPair(string secret)
    {
        var bytes = new byte[secret.Length];
        if (secret.Length < 8 || secret.Length % 4 != 0 || !Convert.TryFromBase64String(secret, bytes, out var length))
        {
            return null;
        }

        try
        {
            var pair = StrictUtf8.GetString(bytes, 0, length);
            return pair.IndexOf(':', StringComparison.Ordinal) > 0 && !pair.Any(char.IsControl) ? pair : null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The secret inside a JSON string: quote, backslash and control characters escaped, and those <paramref name="escaped"/> picks as <c>\uXXXX</c>.</summary>
    private static string Json(string secret, Func<char, bool> escaped)
    {
        var text = new StringBuilder(secret.Length);
        foreach (var c in secret)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                _ when c < ' ' || escaped(c) => text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        return text.ToString();
    }
}
