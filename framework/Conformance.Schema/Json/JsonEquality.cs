using System.Text.Json;

namespace Conformance.Schema.Json;

/// <summary>JSON value equality as JSON Schema defines it: numbers by value (1 == 1.0), objects unordered.</summary>
internal static class JsonEquality
{
    private const int MaxDepth = 512;

    public static bool AreEqual(JsonElement a, JsonElement b) => Equal(a, b, 0);

    public static int Hash(JsonElement value) => Hash(value, 0);

    private static bool Equal(JsonElement a, JsonElement b, int depth)
    {
        var kind = a.ValueKind;
        if (kind != b.ValueKind || depth > MaxDepth)
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.String:
                return a.ValueEquals(b.GetString());
            case JsonValueKind.Number:
                return JsonNumbers.Compare(a, b) == 0;
            case JsonValueKind.Array:
                return ArraysEqual(a, b, depth);
            case JsonValueKind.Object:
                return ObjectsEqual(a, b, depth);
            default:
                return true;
        }
    }

    private static bool ArraysEqual(JsonElement a, JsonElement b, int depth)
    {
        if (a.GetArrayLength() != b.GetArrayLength())
        {
            return false;
        }

        using var left = a.EnumerateArray();
        using var right = b.EnumerateArray();
        while (left.MoveNext() && right.MoveNext())
        {
            if (!Equal(left.Current, right.Current, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ObjectsEqual(JsonElement a, JsonElement b, int depth)
    {
        if (a.GetPropertyCount() != b.GetPropertyCount())
        {
            return false;
        }

        foreach (var property in a.EnumerateObject())
        {
            if (!b.TryGetProperty(property.Name, out var other) || !Equal(property.Value, other, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    private static int Hash(JsonElement value, int depth)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString()!.GetHashCode(StringComparison.Ordinal);
            case JsonValueKind.Number:
                return JsonNumbers.HashNumber(value);
            case JsonValueKind.Array:
                var arrayHash = 17 + value.GetArrayLength();
                if (depth < 4)
                {
                    foreach (var item in value.EnumerateArray())
                    {
                        arrayHash = (arrayHash * 31) + Hash(item, depth + 1);
                    }
                }

                return arrayHash;
            case JsonValueKind.Object:
                var objectHash = 23 + value.GetPropertyCount();
                if (depth < 4)
                {
                    foreach (var property in value.EnumerateObject())
                    {
                        objectHash += property.Name.GetHashCode(StringComparison.Ordinal) ^ Hash(property.Value, depth + 1);
                    }
                }

                return objectHash;
            default:
                return (int)value.ValueKind;
        }
    }
}
