using System.Text;

namespace Conformance.Pact.Export;

/// <summary>
/// A pack's pattern (ECMA-262, as the suites judge it) in a form a pact verifier reads alike: libpact_ffi matches with
/// Oniguruma, where <c>\d</c>, <c>\w</c> and <c>\b</c> are Unicode (<c>\d</c> matches <c>٣</c>, U+0663) and <c>.</c> stops
/// only at <c>\n</c>; in ECMA-262 they are ASCII and <c>.</c> stops at every line terminator. So <c>\d</c> becomes
/// <c>[0-9]</c>, <c>\w</c> <c>[0-9A-Za-z_]</c> (inside a class their ranges, <c>\D</c> and <c>\W</c> a nested negated
/// class), <c>\b</c> and <c>\B</c> lookarounds over ASCII word characters, <c>.</c> a class without the line terminators,
/// <c>\p{Script=Greek}</c> and <c>\p{gc=Lu}</c> as <c>\p{Greek}</c> and <c>\p{Lu}</c> (Script_Extensions has no Oniguruma name);
/// every other character and escape stays as written. Written with classes, lookarounds and <c>\uHHHH</c> only, which
/// Oniguruma, Java and ECMA-262 read alike.
/// </summary>
internal static class PortablePattern
{
    private const string Word = "0-9A-Za-z_";
    private const string Boundary = "(?:(?<=[" + Word + "])(?![" + Word + "])|(?<![" + Word + "])(?=[" + Word + "]))";
    private const string NoBoundary = "(?:(?<=[" + Word + "])(?=[" + Word + "])|(?<![" + Word + "])(?![" + Word + "]))";
    private const string Dot = @"[^\n\r\u2028\u2029]";

    public static string Of(string pattern)
    {
        var text = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 2 < pattern.Length && pattern[i + 1] is 'p' or 'P' && pattern[i + 2] == '{' && pattern.IndexOf('}', i + 3) is var close and > 0)
            {
                text.Append('\\').Append(pattern[i + 1]).Append('{').Append(Property(pattern[(i + 3)..close])).Append('}');
                i = close;
                continue;
            }

            if (c == '\\' && i + 1 < pattern.Length)
            {
                text.Append(Escape(pattern[++i], inClass));
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                text.Append(c);
                continue;
            }

            inClass = c == '[';
            text.Append(c == '.' ? Dot : c.ToString());
            if (inClass && i + 1 < pattern.Length && pattern[i + 1] == '^')
            {
                text.Append('^');
                i++;
            }
        }

        return text.ToString();
    }

    /// <summary>A Unicode property as Oniguruma names it: <c>Script=Greek</c>, <c>sc=Grek</c> and <c>gc=Lu</c> by their value.</summary>
    private static string Property(string name) =>
        name.IndexOf('=', StringComparison.Ordinal) is var equals and > 0 && name[..equals] is "Script" or "sc" or "General_Category" or "gc" ? name[(equals + 1)..] : name;

    private static string Escape(char c, bool inClass) => (c, inClass) switch
    {
        ('d', false) => "[0-9]",
        ('D', false) => "[^0-9]",
        ('w', false) => "[" + Word + "]",
        ('W', false) => "[^" + Word + "]",
        ('b', false) => Boundary,
        ('B', false) => NoBoundary,
        ('d', true) => "0-9",
        ('D', true) => "[^0-9]",
        ('w', true) => Word,
        ('W', true) => "[^" + Word + "]",
        _ => "\\" + c,
    };
}
