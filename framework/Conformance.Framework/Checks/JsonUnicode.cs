using System.Globalization;
using System.Text.Json;

namespace Conformance.Checks;

/// <summary>
/// Escaped lone surrogates in a JSON text (<c>"\uD800"</c>): the grammar allows them, but they name no Unicode character,
/// so no reader can give the string as text (System.Text.Json throws on it, RFC 8259 8.2 calls the outcome unpredictable).
/// A body holding one passed a schema that only asked for a string and broke the case ("could not judge") where a
/// keyword read it; <see cref="ParsedBody"/> reports it as unreadable instead, at its place.
/// </summary>
internal static class JsonUnicode
{
    /// <summary>
    /// Why <paramref name="body"/> cannot be read as text, or null when every string and name can (or when it is no JSON
    /// before the first one that cannot: its parse says so). <paramref name="maxDepth"/>: as the caller parses it
    /// (<see cref="JsonDocument"/>'s default, 64, unless given).
    /// </summary>
    public static string? LoneSurrogate(ReadOnlySpan<byte> body, int maxDepth = 64)
    {
        if (!MayHoldOne(body))
        {
            return null;
        }

        try
        {
            return First(body, maxDepth);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? First(ReadOnlySpan<byte> body, int maxDepth)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = maxDepth });
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped && Lone(reader.ValueSpan) is { } escape)
            {
                var start = (int)reader.TokenStartIndex;
                var line = body[..start].Count((byte)'\n') + 1;
                var column = start - body[..start].LastIndexOf((byte)'\n');
                var what = reader.TokenType == JsonTokenType.PropertyName ? "a property name" : "a string";
                return string.Create(CultureInfo.InvariantCulture,
                    $"{what} at line {line}, byte {column} holds {escape}, an escaped lone surrogate: it names no Unicode character, so the text cannot be read (RFC 8259 8.2)");
            }
        }

        return null;
    }

    /// <summary>A backslash, u, then D8-DF: the only way a lone surrogate gets into valid UTF-8 JSON.</summary>
    private static bool MayHoldOne(ReadOnlySpan<byte> body)
    {
        for (var at = body.IndexOf("\\u"u8); at >= 0 && at + 3 < body.Length; at = body[(at + 2)..].IndexOf("\\u"u8) is var next and >= 0 ? at + 2 + next : -1)
        {
            if (body[at + 2] is (byte)'d' or (byte)'D' && body[at + 3] is >= (byte)'8' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first escape in a string's raw text that is half of no pair (<c>\uD800</c>), or null.</summary>
    private static string? Lone(ReadOnlySpan<byte> raw)
    {
        string? high = null;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                if (high is not null)
                {
                    return high;
                }

                continue;
            }

            var unit = raw[i + 1] == (byte)'u' ? int.Parse(raw.Slice(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture) : -1;
            var text = unit < 0 ? null : System.Text.Encoding.ASCII.GetString(raw.Slice(i, 6));
            i += unit < 0 ? 1 : 5;
            if (unit is >= 0xDC00 and <= 0xDFFF && high is null)
            {
                return text;
            }

            if (high is not null && unit is not (>= 0xDC00 and <= 0xDFFF))
            {
                return high;
            }

            high = unit is >= 0xD800 and <= 0xDBFF ? text : null;
        }

        return high;
    }
}
