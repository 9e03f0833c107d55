namespace Conformance.Schema.Keywords;

/// <summary>
/// The code points of one Script, Script_Extensions or binary property of UnicodeProperties.txt, as the sets of
/// <c>\p{...}</c> and <c>\P{...}</c>: decoded once, on the first pattern naming the property.
/// </summary>
internal sealed class PropertyRanges
{
    private readonly EscapeSet matching;
    private readonly EscapeSet notMatching;

    private PropertyRanges(List<(int From, int To)> ranges)
    {
        matching = EscapeSet.Of(ranges);
        notMatching = EscapeSet.Of(CodePointRanges.Complement(ranges, 0, 0x10FFFF));
    }

    /// <summary>The set of <c>\p{...}</c>, or of <c>\P{...}</c> when <paramref name="negated"/>.</summary>
    public EscapeSet Set(bool negated) => negated ? notMatching : matching;

    /// <summary>
    /// Reads the generator's encoding: per range, in base 36, the gap after the previous range's end (the first from
    /// -1), then "+" and the range's length - 1 when above 0; ranges separated by spaces.
    /// </summary>
    public static PropertyRanges Decode(string encoded)
    {
        var ranges = new List<(int From, int To)>();
        var previous = -1;
        foreach (var token in encoded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var plus = token.IndexOf('+', StringComparison.Ordinal);
            var from = previous + 1 + Base36(plus < 0 ? token : token[..plus]);
            previous = from + (plus < 0 ? 0 : Base36(token[(plus + 1)..]));
            ranges.Add((from, previous));
        }

        return new(ranges);
    }

    private static int Base36(string digits)
    {
        var value = 0;
        foreach (var digit in digits)
        {
            value = (value * 36) + (char.IsAsciiDigit(digit) ? digit - '0' : digit - 'a' + 10);
        }

        return value;
    }
}
