using System.Globalization;

namespace Conformance.Contracts;

/// <summary>
/// A status a newcomer wrote as words: in English number words ('four hundred one', 'four-oh-four', 'five hundred and
/// three', 'four twenty-nine') or as its registered reason phrase alone ('Not Found', 'ok'). Read for a did-you-mean only.
/// </summary>
internal static class StatusWords
{
    private static readonly string[] Units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    private static readonly string[] Teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    /// <summary>The code <paramref name="text"/> spells, from 100 to 599, or null.</summary>
    public static int? Read(string text)
    {
        var code = Number(text.ToLowerInvariant().Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries)) ?? Phrase(text);
        return code is >= 100 and <= 599 ? code : null;
    }

    /// <summary>'four hundred (and) one' as 4 * 100 + 1; without 'hundred', each word's digits in turn ('four oh four').</summary>
    private static int? Number(string[] words)
    {
        var hundred = Array.IndexOf(words, "hundred");
        if (hundred >= 0)
        {
            var rest = words[(hundred + 1)..].Where(w => w != "and").ToArray();
            return hundred == 1 && Digit(words[0]) is { } h and > 0 && (rest.Length == 0 ? 0 : Digits(rest)) is { } r and < 100 ? h * 100 + r : null;
        }

        return Digits(words);
    }

    private static int? Digits(string[] words)
    {
        var digits = string.Empty;
        for (var i = 0; i < words.Length; i++)
        {
            if (Digit(words[i]) is { } d)
            {
                digits += d.ToString(CultureInfo.InvariantCulture);
            }
            else if (Array.IndexOf(Teens, words[i]) is var teen and >= 0)
            {
                digits += (10 + teen).ToString(CultureInfo.InvariantCulture);
            }
            else if (Array.IndexOf(Tens, words[i]) is var ten and >= 2)
            {
                var unit = i + 1 < words.Length ? Digit(words[i + 1]) : null;
                digits += (ten * 10 + (unit ?? 0)).ToString(CultureInfo.InvariantCulture);
                i += unit is null ? 0 : 1;
            }
            else
            {
                return null;
            }
        }

        return digits.Length is > 0 and <= 3 ? int.Parse(digits, CultureInfo.InvariantCulture) : null;
    }

    private static int? Digit(string word) => word is "oh" or "o" ? 0 : Array.IndexOf(Units, word) is var i and >= 0 ? i : null;

    /// <summary>The code whose registered reason phrase this is, ignoring case, spaces, '-' and '_' ('not_found', 'NotFound').</summary>
    private static int? Phrase(string text)
    {
        var key = Letters(text);
        for (var code = 100; code <= 599 && key.Length > 0; code++)
        {
            if (Checks.ReasonPhrases.Of(code) is { } phrase && Letters(phrase) == key)
            {
                return code;
            }
        }

        return null;
    }

    private static string Letters(string text) => string.Concat(text.Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant();
}
