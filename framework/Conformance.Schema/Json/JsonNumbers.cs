using System.Runtime.InteropServices;
using System.Text.Json;

namespace Conformance.Schema.Json;

/// <summary>
/// Number handling, exact for every JSON number: decimal arithmetic when both sides are written plainly within
/// decimal's 28 digits (the common case), else their correctly rounded doubles where those differ (rounding keeps
/// order: x &lt; y exactly whenever double(x) &lt; double(y)), <see cref="ExactNumber"/> only where they are equal.
/// Neither fast path allocates.
/// </summary>
internal static class JsonNumbers
{
    private const int DecimalDigits = 28;

    public static int Compare(JsonElement a, JsonElement b)
    {
        if (TryPlain(a, out var x) && TryPlain(b, out var y))
        {
            return x.CompareTo(y);
        }

        if (a.TryGetDouble(out var p) && b.TryGetDouble(out var q) && p != q)
        {
            return p.CompareTo(q);
        }

        return ExactNumber.Of(a).CompareTo(ExactNumber.Of(b));
    }

    /// <summary>Compares an instance number with a schema limit.</summary>
    public static int Compare(JsonElement value, NumberLimit limit)
    {
        if (limit.Plain is { } plainLimit && TryPlain(value, out var x))
        {
            return x.CompareTo(plainLimit);
        }

        if (value.TryGetDouble(out var d) && d != limit.Double)
        {
            return d.CompareTo(limit.Double);
        }

        return ExactNumber.Of(value).CompareTo(limit.Exact);
    }

    /// <summary>No fractional part; with <paramref name="asWritten"/> (draft-04) also written without one (1.0 is not).</summary>
    public static bool IsInteger(JsonElement value, bool asWritten = false)
    {
        if (value.TryGetInt64(out _))
        {
            return true;
        }

        if (asWritten && JsonMarshal.GetRawUtf8Value(value).IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0)
        {
            return false;
        }

        if (TryPlain(value, out var plain))
        {
            return plain == decimal.Truncate(plain);
        }

        // Below 2^52 in size every integer is a double, so a double with a fraction was not written as an integer.
        if (value.TryGetDouble(out var d) && Math.Abs(d) < 4503599627370496d && Math.Floor(d) != d)
        {
            return false;
        }

        return ExactNumber.Of(value).IsInteger;
    }

    /// <summary>
    /// A hash equal for numbers equal in value however written (1, 1.0, 1e0, 10e-1): the correctly rounded double of an
    /// exact value is the same for every way of writing it (its hash makes 0 and -0 alike), exactly when beyond doubles.
    /// </summary>
    public static int HashNumber(JsonElement value) =>
        value.TryGetDouble(out var d) ? d.GetHashCode() : ExactNumber.Of(value).GetHashCode();

    public static bool TryRead(JsonElement value, out NumberLimit limit)
    {
        limit = default;
        if (value.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        var exact = ExactNumber.Of(value);
        limit = new NumberLimit(TryPlain(value, out var d) ? d : null, exact, exact.ToDouble(), value.GetRawText());
        return true;
    }

    /// <summary>The value as a decimal when it is written without an exponent in at most 28 significant digits and 28 decimals (so exactly).</summary>
    public static bool TryPlain(JsonElement value, out decimal result)
    {
        result = 0;
        var raw = JsonMarshal.GetRawUtf8Value(value);
        var digits = 0;
        var fractionDigits = -1;
        foreach (var b in raw)
        {
            if (b is (byte)'e' or (byte)'E')
            {
                return false;
            }

            fractionDigits += b == '.' || fractionDigits >= 0 ? 1 : 0;
            digits += b is >= (byte)'1' and <= (byte)'9' || (b == '0' && digits > 0) ? 1 : 0;
        }

        return digits <= DecimalDigits && fractionDigits <= DecimalDigits && value.TryGetDecimal(out result);
    }
}

/// <summary>A schema's number (a limit or divisor): exactly, and as a decimal when that is exact too.</summary>
internal readonly record struct NumberLimit(decimal? Plain, ExactNumber Exact, double Double, string Text);
