using System.Buffers;
using System.Text;
using System.Text.Json;
using Conformance.Probing;
using Conformance.Schema.Json;

namespace Conformance.Reporting;

/// <summary>
/// Credentials a target hands out in its answer, live ones for its staging: the value of a cookie it sets, the value of a
/// response header named like a credential (<c>X-Session-Token</c>), and each string of at least
/// <see cref="MinBodyValue"/> characters under a JSON property or form field so named (an OAuth token endpoint's
/// <c>access_token</c> and <c>refresh_token</c>). A shorter value under such a name (<c>"token_type": "Bearer"</c>) is a label, not a secret.
/// </summary>
internal static class ResponseSecrets
{
    public const int MinBodyValue = 8;
    private const int MaxDepth = 256;
    private static readonly string[] Schemes = ["Bearer", "Basic", "Token", "Digest", "Negotiate", "NTLM", "ApiKey", "OAuth", "MAC", "SharedAccessSignature", "AWS4-HMAC-SHA256"];

    public static IEnumerable<string> Of(ProbeResponse response, Func<string, bool> isSecretName)
    {
        var values = response.Headers.Where(h => isSecretName(h.Key)).SelectMany(h => InHeader(h.Key, h.Value)).ToList();
        if (response.Body.IsEmpty || response.Truncated || response.BodyText is not { } text)
        {
            return values;
        }

        values.AddRange(InBody(text, response.ContentType, isSecretName));
        return values;
    }

    /// <summary>The credential in a header named like one: a cookie's own value, or what follows an auth scheme, else the value's parts.</summary>
    public static IEnumerable<string> InHeader(string name, string value) =>
        name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase) ? [CookieValue(value)] : HeaderValue(value);

    /// <summary>The strings of at least <see cref="MinBodyValue"/> characters under names like a credential's in a JSON body, or in a form body.</summary>
    public static IEnumerable<string> InBody(string text, string? contentType, Func<string, bool> isSecretName)
    {
        var values = new List<string>();
        if (text.AsSpan().IndexOfAny(Redactor.SecretWordSearch) < 0)
        {
            return values;
        }

        if (LooksLikeJson(text))
        {
            BodyValues(text, isSecretName, values);
        }
        else if (FormEncoding.IsFormBody(text, contentType))
        {
            // An older OAuth endpoint answers a form: access_token=...&scope=...&token_type=bearer.
            values.AddRange(FormEncoding.Decode(text).Where(p => isSecretName(p.Key) && p.Value.Length >= MinBodyValue).Select(p => p.Value));
        }
        else
        {
            // An HTML page or a log line: refresh_token=..., access_token: ... (PairSecrets).
            values.AddRange(PairSecrets.Values(text, isSecretName));
        }

        return values;
    }

    /// <summary>A string value of at least <see cref="MinBodyValue"/> characters given under a credential's name: itself, or what follows its auth scheme; null for a label (<c>"Bearer"</c>).</summary>
    public static string? Credential(string value) => value.Length >= MinBodyValue ? AfterScheme(value) ?? value : null;

    /// <summary>An auth scheme's name (<c>Bearer</c>, <c>Basic</c>): the credential follows it.</summary>
    public static bool IsScheme(ReadOnlySpan<char> word)
    {
        foreach (var scheme in Schemes)
        {
            if (word.Equals(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A body that opens an object or an array (whatever its Content-Type says).</summary>
    private static bool LooksLikeJson(string text)
    {
        var body = text.AsSpan().TrimStart(" \t\r\n");
        return !body.IsEmpty && body[0] is '{' or '[';
    }

    /// <summary>The credential in a header value: after an auth scheme (<c>Bearer abc</c> -> <c>abc</c>, so reports keep the scheme), else its parts.</summary>
    private static IEnumerable<string> HeaderValue(string value) => AfterScheme(value) is { } credential ? [credential] : Redactor.SecretParts(value);

    /// <summary>What follows a known auth scheme and a space (<c>Bearer abc</c>), else null: any other text is a secret whole (a passphrase may hold spaces).</summary>
    private static string? AfterScheme(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && Schemes.Contains(value[..space], StringComparer.OrdinalIgnoreCase) && value[(space + 1)..].Trim() is { Length: > 0 } credential ? credential : null;
    }

    /// <summary>The cookie's own value: <c>session=abc; Path=/; Domain=...</c> -> <c>abc</c> (its attributes are no secret).</summary>
    private static string CookieValue(string setCookie)
    {
        var pair = setCookie.Split(';', 2)[0];
        var eq = pair.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? pair.Trim() : pair[(eq + 1)..].Trim();
    }

    private static void BodyValues(string text, Func<string, bool> isSecretName, List<string> values)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxDepth });
            var pending = new Stack<JsonElement>([document.RootElement]);
            while (pending.TryPop(out var element))
            {
                if (element.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in element.EnumerateArray())
                    {
                        pending.Push(item);
                    }
                }
                else if (element.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.Value.ValueKind == JsonValueKind.String && JsonStrings.Name(property) is { } name && isSecretName(name) && Credential(Readable(property.Value)) is { } secret)
                        {
                            values.Add(secret);
                        }

                        pending.Push(property.Value);
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: nothing is named in it.
        }
    }

    /// <summary>A string's value, or, where it holds an escaped lone surrogate, its text as written: what a report shows of it.</summary>
    /// <remarks>A name holding one is skipped (<see cref="JsonStrings.Name"/>; reading it threw out of the run), the rest of the body still searched.</remarks>
    private static string Readable(JsonElement value) => JsonStrings.Text(value) ?? value.GetRawText()[1..^1];
}
