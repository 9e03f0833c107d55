using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Conformance.Schema.Keywords;

/// <summary>
/// Compiles ECMA-262 patterns to .NET regexes once per (pattern, timeout, engine). \d, \D, \w, \W are narrowed to ASCII
/// as in ECMA-262 and <c>$</c> matches only at the very end (no .NET "before final newline").
/// </summary>
internal static class RegexCache
{
    private static readonly ConcurrentDictionary<(string, TimeSpan, bool), Regex> Cache = new();

    /// <summary>
    /// Returns the compiled regex, or null with <paramref name="error"/> set when the pattern is invalid. With
    /// <paramref name="linear"/>, a pattern .NET's non-backtracking engine takes (all but lookarounds, backreferences,
    /// atomic groups and a few more) is compiled by it: a match takes time linear in the text and has no timeout, so its
    /// answer is the same on any machine; any other pattern is compiled as without it (backtracking, with
    /// <paramref name="timeout"/>).
    /// </summary>
    public static Regex? TryGet(string pattern, TimeSpan timeout, out string? error, bool linear = false)
    {
        error = null;
        if (Cache.TryGetValue((pattern, timeout, linear), out var cached))
        {
            return cached;
        }

        try
        {
            var regex = (linear ? Linear(Translate(pattern)) : null) ?? new Regex(Translate(pattern), RegexOptions.CultureInvariant | RegexOptions.Compiled, timeout);
            Cache.TryAdd((pattern, timeout, linear), regex);
            return regex;
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    /// <summary>The non-backtracking regex of a translated pattern, or null for a construct that engine does not take.</summary>
    private static Regex? Linear(string translated)
    {
        try
        {
            return new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private static string Translate(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                if (next is 'p' or 'P' && i + 1 < pattern.Length && pattern[i + 1] == '{')
                {
                    var close = pattern.IndexOf('}', i);
                    if (close > 0)
                    {
                        builder.Append('\\').Append(next).Append('{').Append(UnicodeProperty(pattern[(i + 2)..close])).Append('}');
                        i = close;
                        continue;
                    }
                }

                builder.Append(next switch
                {
                    'd' => inClass ? "0-9" : "[0-9]",
                    'D' when !inClass => "[^0-9]",
                    'w' => inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]",
                    'W' when !inClass => "[^a-zA-Z0-9_]",
                    _ => "\\" + next,
                });
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
                builder.Append(c);
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    builder.Append('^');
                    i++;
                }

                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    builder.Append("\\]");
                    i++;
                }

                continue;
            }
            else if (c == '$')
            {
                builder.Append("\\z");
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string UnicodeProperty(string name)
    {
        var value = name.Contains('=', StringComparison.Ordinal) ? name[(name.IndexOf('=', StringComparison.Ordinal) + 1)..] : name;
        return value switch
        {
            "Letter" => "L", "Lowercase_Letter" => "Ll", "Uppercase_Letter" => "Lu", "Titlecase_Letter" => "Lt",
            "Modifier_Letter" => "Lm", "Other_Letter" => "Lo", "Mark" => "M", "Nonspacing_Mark" => "Mn",
            "Spacing_Mark" => "Mc", "Enclosing_Mark" => "Me", "Number" => "N", "Decimal_Number" or "digit" => "Nd",
            "Letter_Number" => "Nl", "Other_Number" => "No", "Punctuation" or "punct" => "P", "Symbol" => "S",
            "Math_Symbol" => "Sm", "Currency_Symbol" => "Sc", "Separator" => "Z", "Space_Separator" => "Zs",
            "Line_Separator" => "Zl", "Paragraph_Separator" => "Zp", "Other" => "C", "Control" or "cntrl" => "Cc",
            "Format" => "Cf", "Private_Use" => "Co", "Surrogate" => "Cs", "Unassigned" => "Cn",
            _ when name.StartsWith("Script", StringComparison.Ordinal) || name.StartsWith("sc=", StringComparison.Ordinal) => "Is" + value,
            _ => value,
        };
    }
}
