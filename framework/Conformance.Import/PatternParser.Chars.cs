using System.Globalization;

namespace Conformance.Import;

/// <summary>The characters of a pattern: classes (<c>[a-z]</c>, <c>[^,]</c>), escapes and literals.</summary>
internal sealed partial class PatternParser
{
    /// <summary>Where a negated class's sample comes from, before the rest of printable ASCII.</summary>
    private const string NotAClass = "a0A_-x .";

    private CharNode Class()
    {
        var negated = More && Peek == '^';
        at += negated ? 1 : 0;
        var items = new List<CharNode>();
        while (More && Peek != ']')
        {
            if (Peek == '[')
            {
                throw Unsupported(); // a literal in ECMAScript, a subtraction in .NET
            }

            var item = Item();
            if (More && Peek == '-' && at + 1 < pattern.Length && pattern[at + 1] != ']')
            {
                at++;
                var high = Item();
                var (from, to) = (item.Sample, high.Sample);
                item = item.Single && high.Single && from <= to ? new CharNode(ch => ch >= from && ch <= to, from) : throw Unsupported();
            }

            items.Add(item);
        }

        at = More && items.Count > 0 ? at + 1 : throw Unsupported(); // unclosed, or [] and [^], which .NET reads differently
        Func<char, bool> any = ch => items.Exists(i => i.Matches(ch));
        if (!negated)
        {
            return new CharNode(any, items[0].Sample);
        }

        var outside = NotAClass.Concat(Enumerable.Range(0x21, 0x5E).Select(i => (char)i)).FirstOrDefault(ch => !any(ch));
        return outside != default ? new CharNode(ch => !any(ch), outside) : throw Unsupported();
    }

    /// <summary>The escape after a backslash: one character or a class escape.</summary>
    private CharNode Escape()
    {
        var c = More ? pattern[at++] : throw Unsupported();
        return c switch
        {
            'd' => new CharNode(char.IsAsciiDigit, '0'),
            'D' => new CharNode(ch => !char.IsAsciiDigit(ch), 'a'),
            'w' => new CharNode(IsWord, 'a'),
            'W' => new CharNode(ch => !IsWord(ch), '-'),
            's' => new CharNode(char.IsWhiteSpace, ' '),
            'S' => new CharNode(ch => !char.IsWhiteSpace(ch), 'a'),
            't' => Literal('\t'),
            'n' => Literal('\n'),
            'r' => Literal('\r'),
            'f' => Literal('\f'),
            'v' => Literal('\v'),
            '0' when !More || !char.IsAsciiDigit(Peek) => Literal('\0'),
            'x' => Literal(Hex(2)),
            'u' => Literal(Hex(4)),
            'p' or 'P' when More && Peek == '{' => Property(c == 'P'),
            _ when char.IsAsciiLetterOrDigit(c) => throw Unsupported(), // \b, \B, \1, \k<..>, \c..
            _ => Literal(c),
        };
    }

    /// <summary>
    /// <c>\p{...}</c> or <c>\P{...}</c> (after the letter) as the validator reads it, its BMP members only; the sample the
    /// first of <see cref="NotAClass"/> and printable ASCII in it, else its first BMP character (<c>\p{Script=Greek}</c>:
    /// U+0370). A name the validator does not know is not sampled (the schema fails to load, CT0206).
    /// </summary>
    private CharNode Property(bool negated)
    {
        var close = pattern.IndexOf('}', at);
        var body = close > at + 1 ? pattern[(at + 1)..close] : throw Unsupported();
        at = close + 1;
        Conformance.Schema.Keywords.EscapeSet set;
        try
        {
            set = Conformance.Schema.Keywords.UnicodeProperties.Set(body, negated);
        }
        catch (ArgumentException)
        {
            throw Unsupported();
        }

        if (set.Bmp.Length == 0)
        {
            throw Unsupported(); // astral members only (\p{Script=Gothic}): a sample here is one UTF-16 unit
        }

        var members = new System.Text.RegularExpressions.Regex($"^[{set.Bmp}]$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        Func<char, bool> matches = ch => !char.IsSurrogate(ch) && members.IsMatch(ch.ToString());
        var sample = NotAClass.Concat(Enumerable.Range(0x21, 0x5E).Select(i => (char)i)).Concat(Enumerable.Range(0x80, 0xFF80).Select(i => (char)i)).FirstOrDefault(matches);
        return sample != default ? new CharNode(matches, sample) : throw Unsupported();
    }

    private char Hex(int digits)
    {
        if (at + digits > pattern.Length || !int.TryParse(pattern.AsSpan(at, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            throw Unsupported();
        }

        at += digits;
        return (char)code;
    }

    private static bool IsWord(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static CharNode Literal(char c) => new(ch => ch == c, c) { Single = true };

    /// <summary>One member of a class: a character or an escape.</summary>
    private CharNode Item() => pattern[at++] == '\\' ? Escape() : Literal(pattern[at - 1]);
}
