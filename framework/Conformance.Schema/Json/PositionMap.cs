using System.Text;
using System.Text.Json;

namespace Conformance.Schema.Json;

/// <summary>Maps JSON Pointers of a source text to 1-based line/column positions (System.Text.Json keeps none).</summary>
internal sealed class PositionMap
{
    private readonly Dictionary<string, (int Line, int Column)> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Line, int Column)> keys = new(StringComparer.Ordinal);

    private PositionMap()
    {
    }

    /// <summary>The first property name an object repeats, at its second occurrence (JSON readers differ on which value wins).</summary>
    public (string Name, int Line, int Column)? Duplicate { get; private set; }

    /// <summary>How many bytes were stepped over to count columns (a count the tests pin: one pass over the text).</summary>
    internal long ColumnSteps { get; private set; }

    /// <summary>The last position counted: its 0-based line, byte offset and column.</summary>
    private (int Line, long Offset, int Column) cursor = (-1, 0, 1);

    /// <summary>Position of the value at <paramref name="pointer"/>, or of its nearest mapped ancestor.</summary>
    public (int Line, int Column) Value(string pointer) => Lookup(values, pointer);

    /// <summary>Position of the property name at <paramref name="pointer"/> (falls back to the value position).</summary>
    public (int Line, int Column) Key(string pointer) =>
        keys.TryGetValue(pointer, out var found) ? found : Value(pointer);

    public static PositionMap Build(string text)
    {
        var map = new PositionMap();
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = LineStarts(bytes);
        try
        {
            map.Scan(bytes, lines);
        }
        catch (JsonException)
        {
            // Positions of an invalid document are best effort: whatever was mapped before the error stays.
        }

        return map;
    }

    private static (int Line, int Column) Lookup(Dictionary<string, (int, int)> map, string pointer)
    {
        var current = pointer;
        while (true)
        {
            if (map.TryGetValue(current, out var found))
            {
                return found;
            }

            if (current.Length == 0)
            {
                return (1, 1);
            }

            var slash = current.LastIndexOf('/');
            current = slash <= 0 ? string.Empty : current[..slash];
        }
    }

    private static List<int> LineStarts(byte[] bytes)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    /// <summary>
    /// The 1-based position of <paramref name="offset"/>: a column is counted on from the last position asked for where it
    /// is on the same line and not before it (the scan asks in order), so a one-line text is counted once, not once per value.
    /// </summary>
    private (int Line, int Column) ToPosition(byte[] bytes, List<int> lines, long offset)
    {
        var index = lines.BinarySearch((int)offset);
        var line = index >= 0 ? index : ~index - 1;
        var (from, column) = line == cursor.Line && offset >= cursor.Offset ? (cursor.Offset, cursor.Column) : (lines[line], 1);
        for (var i = from; i < offset; i++)
        {
            ColumnSteps++;
            if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        cursor = (line, offset, column);
        return (line + 1, column);
    }

    private void Scan(byte[] bytes, List<int> lines)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 100_000, CommentHandling = JsonCommentHandling.Skip });
        var stack = new List<(string Pointer, bool IsArray, int Index)>();
        string? pendingName = null;
        long pendingNameOffset = 0;
        while (reader.Read())
        {
            var token = reader.TokenType;
            if (token == JsonTokenType.PropertyName)
            {
                pendingName = reader.GetString();
                pendingNameOffset = reader.TokenStartIndex;
                continue;
            }

            if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                stack.RemoveAt(stack.Count - 1);
                continue;
            }

            var pointer = NextPointer(stack, pendingName);
            if (pendingName is not null)
            {
                // The name first: it comes before its value, and positions are counted on in order.
                var at = ToPosition(bytes, lines, pendingNameOffset);
                if (Duplicate is null && keys.ContainsKey(pointer))
                {
                    Duplicate = (pendingName, at.Line, at.Column);
                }

                keys[pointer] = at;
                pendingName = null;
            }

            values[pointer] = ToPosition(bytes, lines, reader.TokenStartIndex);

            if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                stack.Add((pointer, token == JsonTokenType.StartArray, 0));
            }
        }
    }

    private static string NextPointer(List<(string Pointer, bool IsArray, int Index)> stack, string? name)
    {
        if (stack.Count == 0)
        {
            return string.Empty;
        }

        var top = stack[^1];
        if (top.IsArray)
        {
            stack[^1] = top with { Index = top.Index + 1 };
            return top.Pointer + "/" + top.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return top.Pointer + "/" + JsonPointer.Escape(name ?? string.Empty);
    }
}
