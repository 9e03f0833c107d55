using System.Text.Json;

namespace Conformance.Schema.Json;

/// <summary>Number handling: exact decimal arithmetic where the value fits, double otherwise.</summary>
internal static class JsonNumbers
{
    public static int Compare(JsonElement a, JsonElement b)
    {
        if (a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y))
        {
            return x.CompareTo(y);
        }

        return a.GetDouble().CompareTo(b.GetDouble());
    }

    /// <summary>Compares an instance number with a schema limit.</summary>
    public static int Compare(JsonElement value, decimal? limitDecimal, double limitDouble)
    {
        if (limitDecimal is { } limit && value.TryGetDecimal(out var x))
        {
            return x.CompareTo(limit);
        }

        return value.GetDouble().CompareTo(limitDouble);
    }

    public static bool IsInteger(JsonElement value)
    {
        if (value.TryGetInt64(out _))
        {
            return true;
        }

        if (value.TryGetDecimal(out var d))
        {
            return d == decimal.Truncate(d);
        }

        var f = value.GetDouble();
        return double.IsFinite(f) && Math.Floor(f) == f;
    }

    public static int HashNumber(JsonElement value)
    {
        if (value.TryGetDecimal(out var d))
        {
            return (d / 1.000000000000000000000000000000000m).GetHashCode();
        }

        return value.GetDouble().GetHashCode();
    }

    public static bool TryRead(JsonElement value, out decimal? asDecimal, out double asDouble)
    {
        asDecimal = null;
        asDouble = 0;
        if (value.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        asDouble = value.GetDouble();
        if (value.TryGetDecimal(out var d))
        {
            asDecimal = d;
        }

        return true;
    }
}
