using System.Text.Json;

namespace Conformance.Schema.Json;

/// <summary>Short renderings of instance values for error messages.</summary>
internal static class ValueText
{
    private const int MaxLength = 60;

    /// <summary>The value as compact JSON, truncated (e.g. <c>"CMN9"</c>, <c>5</c>, <c>{"a":1,...</c>).</summary>
    public static string Show(JsonElement value) => Show(value, MaxLength);

    /// <summary>As <see cref="Show(JsonElement)"/> with a custom limit (allowed-value lists get more room).</summary>
    public static string Show(JsonElement value, int maxLength)
    {
        var raw = value.ValueKind switch
        {
            JsonValueKind.Object or JsonValueKind.Array => Compact(value),
            _ => value.GetRawText(),
        };
        return Truncate(raw, maxLength);
    }

    /// <summary>
    /// Compact JSON as JsonSerializer writes it, at any depth: the serializer stops at 64 levels, while a schema or an
    /// instance may nest deeper and its message must still be written.
    /// </summary>
    private static string Compact(JsonElement value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = int.MaxValue }))
        {
            value.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string Truncate(string text, int maxLength = MaxLength) =>
        text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength - 3), "...");

    /// <summary>The JSON type name as used by the "type" keyword.</summary>
    public static string TypeName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => JsonNumbers.IsInteger(value) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    /// <summary><paramref name="text"/> in double quotes, unescaped (patterns read as written).</summary>
    public static string Quote(string text) => "\"" + Truncate(text) + "\"";
}
