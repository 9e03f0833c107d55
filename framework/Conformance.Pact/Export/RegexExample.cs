using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Conformance.Pact.Export;

/// <summary>
/// A short string matching a simple regular expression: literals, escapes, classes (their first member),
/// groups (their first alternative) and quantifiers (their minimum, at least one for <c>+</c>). Null when the
/// pattern is beyond that or the candidate does not match after all.
/// </summary>
internal static class RegexExample
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    public static string? For(string pattern)
    {
        try
        {
            var position = 0;
            var text = Sequence(pattern, ref position);
            return position == pattern.Length && Regex.IsMatch(text, pattern, RegexOptions.None, Limit) ? text : null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static string Sequence(string pattern, ref int i)
    {
        var builder = new StringBuilder();
        while (i < pattern.Length && pattern[i] is not (')' or '|'))
        {
            var atom = Atom(pattern, ref i);
            builder.Insert(builder.Length, atom, Count(pattern, ref i));
        }

        if (i < pattern.Length && pattern[i] == '|')
        {
            var depth = 0;
            while (i < pattern.Length && !(pattern[i] == ')' && depth == 0))
            {
                depth += pattern[i] == '(' ? 1 : pattern[i] == ')' ? -1 : 0;
                i += pattern[i] == '\\' ? 2 : 1;
            }
        }

        return builder.ToString();
    }

    private static string Atom(string pattern, ref int i)
    {
        var c = pattern[i++];
        switch (c)
        {
            case '^' or '$':
                return string.Empty;
            case '.':
                return "a";
            case '\\':
                return Escape(pattern[i++]);
            case '[':
                return Class(pattern, ref i);
            case '(':
                if (pattern.AsSpan(i).StartsWith("?:"))
                {
                    i += 2;
                }
                else if (i < pattern.Length && pattern[i] == '?')
                {
                    throw new FormatException("lookaround or named group");
                }

                var inner = Sequence(pattern, ref i);
                i++;
                return inner;
            case '*' or '+' or '?' or '{':
                throw new FormatException("dangling quantifier");
            default:
                return c.ToString();
        }
    }

    private static string Escape(char c) => c switch
    {
        'd' => "0",
        'w' => "a",
        's' => " ",
        'b' or 'B' or 'A' or 'z' or 'Z' => string.Empty,
        _ when char.IsLetterOrDigit(c) => throw new FormatException("unsupported escape"),
        _ => c.ToString(),
    };

    private static string Class(string pattern, ref int i)
    {
        if (pattern[i] == '^')
        {
            throw new FormatException("negated class");
        }

        var first = pattern[i] == '\\' ? Escape(pattern[i + 1]) : pattern[i].ToString();
        while (pattern[i] != ']')
        {
            i += pattern[i] == '\\' ? 2 : 1;
        }

        i++;
        return first;
    }

    private static int Count(string pattern, ref int i)
    {
        if (i >= pattern.Length)
        {
            return 1;
        }

        var count = pattern[i] switch
        {
            '*' or '?' => 0,
            '+' => 1,
            '{' => int.Parse(pattern.AsSpan(i + 1, pattern.IndexOfAny([',', '}'], i) - i - 1), CultureInfo.InvariantCulture),
            _ => -1,
        };
        if (count < 0)
        {
            return 1;
        }

        i = pattern[i] == '{' ? pattern.IndexOf('}', i) + 1 : i + 1;
        if (i < pattern.Length && pattern[i] is '?' or '+')
        {
            i++;
        }

        return count;
    }
}
