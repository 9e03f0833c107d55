using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Conformance.Schema.Json;

/// <summary>RFC 6901 JSON Pointer helpers (with URI-fragment percent decoding).</summary>
internal static class JsonPointer
{
    public static string Escape(string token) =>
        token.Contains('~', StringComparison.Ordinal) || token.Contains('/', StringComparison.Ordinal)
            ? token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)
            : token;

    public static string Unescape(string token) =>
        token.Contains('~', StringComparison.Ordinal)
            ? token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)
            : token;

    public static string Append(string pointer, string token) => pointer + "/" + Escape(token);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Decodes a URI fragment ("/a~1b/%25") into a plain JSON Pointer.</summary>
    public static string FromFragment(string fragment) => Uri.UnescapeDataString(fragment);

    /// <summary>Encodes a JSON pointer for use in a URI fragment.</summary>
    public static string ToFragment(string pointer)
    {
        var builder = new StringBuilder(pointer.Length);
        foreach (var c in pointer)
        {
            if (char.IsAsciiLetterOrDigit(c) || "/~-._!$&'()*+,;=:@".Contains(c, StringComparison.Ordinal))
            {
                builder.Append(c);
            }
            else
            {
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                {
                    builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
        }

        return builder.ToString();
    }

    /// <summary>Walks <paramref name="pointer"/> from <paramref name="root"/>.</summary>
    public static bool TryResolve(JsonElement root, string pointer, out JsonElement found)
    {
        found = root;
        if (pointer.Length == 0)
        {
            return true;
        }

        if (pointer[0] != '/')
        {
            return false;
        }

        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = Unescape(raw);
            if (found.ValueKind == JsonValueKind.Object)
            {
                if (!found.TryGetProperty(token, out found))
                {
                    return false;
                }
            }
            else if (found.ValueKind == JsonValueKind.Array)
            {
                if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= found.GetArrayLength()
                    || (token.Length > 1 && token[0] == '0'))
                {
                    return false;
                }

                found = found[index];
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
