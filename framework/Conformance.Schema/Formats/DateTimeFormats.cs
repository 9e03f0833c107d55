using System.Text.RegularExpressions;

namespace Conformance.Schema.Formats;

/// <summary>RFC 3339 date/time and ISO 8601 (RFC 3339 appendix A) duration.</summary>
internal static partial class DateTimeFormats
{
    public static bool IsDateTime(string value)
    {
        var t = value.IndexOfAny(['T', 't']);
        return t == 10 && IsDate(value[..10]) && IsTime(value[11..]);
    }

    public static bool IsDate(string value)
    {
        var match = DatePattern().Match(value);
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups[2].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups[3].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(year, 1), month);
    }

    public static bool IsTime(string value)
    {
        var match = TimePattern().Match(value);
        if (!match.Success)
        {
            return false;
        }

        var hour = Number(match, 1);
        var minute = Number(match, 2);
        var second = Number(match, 3);
        if (hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        var offsetMinutes = 0;
        if (match.Groups[5].Success)
        {
            var offsetHour = Number(match, 6);
            var offsetMinute = Number(match, 7);
            if (offsetHour > 23 || offsetMinute > 59)
            {
                return false;
            }

            offsetMinutes = (offsetHour * 60) + offsetMinute;
            offsetMinutes = match.Groups[5].Value == "+" ? offsetMinutes : -offsetMinutes;
        }

        if (second == 60)
        {
            var utc = (((hour * 60) + minute - offsetMinutes) % 1440 + 1440) % 1440;
            return utc == 1439;
        }

        return true;
    }

    public static bool IsDuration(string value) => DurationPattern().IsMatch(value) && !value.EndsWith('T');

    private static int Number(Match match, int group) =>
        int.Parse(match.Groups[group].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{2})-([0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(?:[Zz]|([+-])([0-9]{2}):([0-9]{2}))\z", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^P(?:[0-9]+W|(?:[0-9]+D|[0-9]+M(?:[0-9]+D)?|[0-9]+Y(?:[0-9]+M(?:[0-9]+D)?)?)(?:T(?:[0-9]+H(?:[0-9]+M(?:[0-9]+S)?)?|[0-9]+M(?:[0-9]+S)?|[0-9]+S))?|T(?:[0-9]+H(?:[0-9]+M(?:[0-9]+S)?)?|[0-9]+M(?:[0-9]+S)?|[0-9]+S))\z", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
