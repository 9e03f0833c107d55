using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Conformance.Schema.Json;

/// <summary>
/// A JSON number exactly as written: (-)0.<see cref="Digits"/> x 10^<see cref="Order"/>, the digits without leading or
/// trailing zeros (zero: no digits). Nothing is rounded: 1e-400 is above 0 and 1e400 is an integer, which neither
/// decimal nor double can say.
/// </summary>
internal readonly record struct ExactNumber(bool Negative, string Digits, long Order) : IComparable<ExactNumber>
{
    /// <summary>Digit counts beyond this are not used in arithmetic (multipleOf), only in comparisons.</summary>
    private const int ArithmeticDigits = 2_000;

    /// <summary>An exponent is held within this bound, so a written one of any size cannot overflow.</summary>
    private const long ExponentBound = 1_000_000_000_000_000 / 1_000; // 10^15: times ten still fits a long

    public bool IsZero => Digits.Length == 0;

    /// <summary>True when the value has no fractional part (as written, 1.0 and 1e2 are integers).</summary>
    public bool IsInteger => IsZero || Order >= Digits.Length;

    public static ExactNumber Of(JsonElement number) => Parse(JsonMarshal.GetRawUtf8Value(number));

    /// <summary>Reads a number's text as JSON or YAML write it (a leading '+' or '.' taken), already checked to be one.</summary>
    public static ExactNumber Parse(string text) => Parse(Encoding.UTF8.GetBytes(text.Trim()));

    /// <summary>Reads a JSON number literal (RFC 8259 grammar, already checked by the reader).</summary>
    public static ExactNumber Parse(ReadOnlySpan<byte> text)
    {
        var negative = text.Length > 0 && text[0] == '-';
        var i = text.Length > 0 && text[0] is (byte)'-' or (byte)'+' ? 1 : 0;

        var digits = new StringBuilder();
        long integerDigits = 0;
        var fraction = false;
        for (; i < text.Length && text[i] is not ((byte)'e' or (byte)'E'); i++)
        {
            if (text[i] == '.')
            {
                fraction = true;
                continue;
            }

            if (digits.Length == 0 && text[i] == '0')
            {
                integerDigits -= fraction ? 1 : 0;
                continue;
            }

            digits.Append((char)text[i]);
            integerDigits += fraction ? 0 : 1;
        }

        var exponent = i < text.Length ? ReadExponent(text[(i + 1)..]) : 0;
        var significant = digits.ToString().TrimEnd('0');
        return significant.Length == 0
            ? new ExactNumber(false, string.Empty, 0)
            : new ExactNumber(negative, significant, Math.Clamp(integerDigits + exponent, -ExponentBound, ExponentBound));
    }

    public int CompareTo(ExactNumber other)
    {
        if (Negative != other.Negative)
        {
            return Negative ? -1 : 1;
        }

        var magnitude = CompareMagnitude(this, other);
        return Negative ? -magnitude : magnitude;
    }

    /// <summary>True when this divided by <paramref name="divisor"/> (above 0) is an integer; null when too long to work out.</summary>
    public bool? IsMultipleOf(ExactNumber divisor)
    {
        if (IsZero)
        {
            return true;
        }

        if (Digits.Length > ArithmeticDigits || divisor.Digits.Length > ArithmeticDigits)
        {
            return null;
        }

        // this = A x 10^a, divisor = D x 10^d with A and D whole and without trailing zeros: A x 10^(a-d) / D.
        var shift = Order - Digits.Length - (divisor.Order - divisor.Digits.Length);
        if (shift < 0)
        {
            // D x 10^k (k >= 1) divides only numbers ending in 0, and A does not.
            return false;
        }

        var a = BigInteger.Parse(Digits, System.Globalization.CultureInfo.InvariantCulture);
        var d = BigInteger.Parse(divisor.Digits, System.Globalization.CultureInfo.InvariantCulture);

        // Only D's factors 2 and 5 can be met by the power of ten, and each appears at most log2(D) times.
        var needed = Math.Min(shift, (long)d.GetBitLength());
        return (a * BigInteger.Pow(10, (int)needed) % d).IsZero;
    }

    /// <summary>The nearest double (0 or an infinity beyond its range).</summary>
    public double ToDouble() => IsZero
        ? 0
        : double.Parse($"{(Negative ? "-" : string.Empty)}0.{Digits}e{Order}", System.Globalization.CultureInfo.InvariantCulture);

    private static int CompareMagnitude(ExactNumber x, ExactNumber y)
    {
        if (x.IsZero || y.IsZero)
        {
            return (x.IsZero ? 0 : 1) - (y.IsZero ? 0 : 1);
        }

        return x.Order != y.Order ? x.Order.CompareTo(y.Order) : string.CompareOrdinal(x.Digits, y.Digits);
    }

    private static long ReadExponent(ReadOnlySpan<byte> text)
    {
        var negative = text.Length > 0 && text[0] == '-';
        var start = text.Length > 0 && text[0] is (byte)'-' or (byte)'+' ? 1 : 0;
        long value = 0;
        for (var i = start; i < text.Length; i++)
        {
            value = Math.Min(value * 10 + (text[i] - '0'), ExponentBound * 10);
        }

        return negative ? -value : value;
    }
}
