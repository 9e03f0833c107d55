using System.Globalization;

namespace Conformance.Contracts;

/// <summary>A documented status: one code (404) or a whole class (4xx).</summary>
public sealed record StatusPattern(int Code, bool IsClass)
{
    public bool Matches(int status) => IsClass ? status / 100 == Code : status == Code;

    /// <summary>Specific codes sort before classes so the most specific entry wins.</summary>
    public int Specificity => IsClass ? 1 : 0;

    public static StatusPattern? Parse(string text)
    {
        var t = text.Trim();
        if (t.Length == 3 && t[0] is >= '1' and <= '5' && t.EndsWith("xx", StringComparison.OrdinalIgnoreCase))
        {
            return new StatusPattern(t[0] - '0', true);
        }

        return int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 599
            ? new StatusPattern(code, false)
            : null;
    }

    /// <summary>
    /// " Did you mean '404'?" when <paramref name="text"/> is a status with a letter that looks like a digit ('4O4',
    /// '4l1'), read with the digits it resembles, a status followed by its reason phrase ('404 Not Found'), or a status
    /// written as words ('four hundred one', 'four-oh-four') or as its reason phrase alone ('Not Found'); else an empty string.
    /// </summary>
    public static string LookAlikeSuffix(string text)
    {
        var digits = string.Concat(text.Trim().Select(c => c switch { 'O' or 'o' => '0', 'l' or 'I' => '1', _ => c }));
        if (digits != text.Trim() && Parse(digits) is { IsClass: false } pattern)
        {
            return $" Did you mean '{pattern}'?";
        }

        // '404 Not Found', '404: gone': the status with its reason phrase; the code alone is the status.
        var code = digits.Length > 3 && !char.IsAsciiDigit(digits[3]) ? digits[..3] : null;
        if (code is not null && Parse(code) is { IsClass: false } leading)
        {
            return $" Did you mean '{leading}'?";
        }

        return StatusWords.Read(text) is { } spelt ? $" Did you mean '{spelt.ToString(CultureInfo.InvariantCulture)}'?" : string.Empty;
    }

    public override string ToString() => IsClass ? $"{Code}xx" : Code.ToString(CultureInfo.InvariantCulture);
}
