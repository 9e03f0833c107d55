using System.Globalization;
using System.Text;
using System.Xml;

namespace Conformance.Trx;

/// <summary>Text as the TRX file holds it: XML-safe strings, <c>hh:mm:ss.fffffff</c> durations, round-trip UTC times.</summary>
internal static class TrxText
{
    /// <summary>
    /// The text with every character XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF)
    /// replaced by <c>\uXXXX</c>, so writing never fails; null becomes empty.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text) || IsClean(text))
        {
            return text ?? string.Empty;
        }

        var clean = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                clean.Append(c).Append(text[++i]);
            }
            else
            {
                clean.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        return clean.ToString();
    }

    /// <summary>A duration as <c>hh:mm:ss.fffffff</c>; hours go past 24 instead of adding days; negative is zero.</summary>
    public static string Duration(TimeSpan duration)
    {
        var d = duration < TimeSpan.Zero ? TimeSpan.Zero : duration;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{(long)d.TotalHours:00}:{d.Minutes:00}:{d.Seconds:00}.{d.Ticks % TimeSpan.TicksPerSecond:0000000}");
    }

    /// <summary>A point in time in UTC, round-trip format (<c>2026-01-02T03:04:05.0000000+00:00</c>).</summary>
    public static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);

    private static bool IsClean(string text)
    {
        foreach (var c in text)
        {
            if (!XmlConvert.IsXmlChar(c))
            {
                return false;
            }
        }

        return true;
    }
}
