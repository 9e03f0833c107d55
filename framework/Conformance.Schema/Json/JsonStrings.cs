using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Conformance.Schema.Json;

/// <summary>Allocation-free access to string instance values where the raw text has no escapes.</summary>
internal static class JsonStrings
{
    private const int StackChars = 256;

    /// <summary>Length in Unicode code points, as minLength/maxLength count.</summary>
    public static int CodePointLength(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw.Length >= 2 && raw[0] == (byte)'"')
        {
            raw = raw[1..^1];
        }

        if (raw.IndexOf((byte)'\\') < 0)
        {
            var count = 0;
            foreach (var b in raw)
            {
                if ((b & 0xC0) != 0x80)
                {
                    count++;
                }
            }

            return count;
        }

        var text = value.GetString()!;
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            length++;
        }

        return length;
    }

    /// <summary>Runs <paramref name="test"/> over the string's characters without allocating when possible.</summary>
    public static bool Test<TState>(JsonElement value, TState state, Func<TState, ReadOnlySpan<char>, bool> test)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw.Length >= 2 && raw[0] == (byte)'"')
        {
            raw = raw[1..^1];
        }

        if (raw.Length <= StackChars && raw.IndexOf((byte)'\\') < 0)
        {
            Span<char> buffer = stackalloc char[StackChars];
            var written = Encoding.UTF8.GetChars(raw, buffer);
            return test(state, buffer[..written]);
        }

        return test(state, value.GetString().AsSpan());
    }

    /// <summary>
    /// What of <paramref name="instance"/> cannot be read as text (<c>the string</c>, <c>the member name "\uD800"</c>) because
    /// it holds an escaped lone surrogate, or null when all of it can (a string's text and an object's member names).
    /// </summary>
    public static string? Unreadable(JsonElement instance) => instance.ValueKind switch
    {
        JsonValueKind.String => Text(instance) is null ? "the string" : null,
        JsonValueKind.Object => instance.EnumerateObject().Where(p => Name(p) is null)
            .Select(p => $"the member name \"{Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8PropertyName(p))}\" (as written)").FirstOrDefault(),
        _ => null,
    };

    /// <summary>A member's name, or null when it holds an escaped lone surrogate (<c>"\uD800"</c>), which System.Text.Json will not read as text.</summary>
    public static string? Name(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A string's text, or null when it holds an escaped lone surrogate.</summary>
    public static string? Text(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
