using System.Globalization;

namespace Conformance.Import;

/// <summary>
/// Parses the common subset of an ECMAScript <c>pattern</c> into <see cref="PatternNode"/>s: literals, escapes
/// (<c>\d \w \s</c>, their negations, control characters, <c>\xHH</c>, <c>\uHHHH</c>, escaped punctuation), classes with
/// ranges and negation, <c>.</c>, quantifiers (lazy too), capturing, named and non-capturing groups, alternation,
/// <c>^</c> and <c>$</c>. Anything else (lookarounds, backreferences, <c>\b</c>, <c>\p{..}</c>, flags) gives null.
/// </summary>
internal sealed partial class PatternParser
{
    /// <summary>Deeper nesting is refused rather than risking the stack (the parser and the generator recurse per group).</summary>
    private const int MaxDepth = 64;
    private readonly string pattern;
    private int at;
    private int depth;

    private PatternParser(string pattern) => this.pattern = pattern;

    public static PatternNode? Parse(string pattern)
    {
        var parser = new PatternParser(pattern);
        try
        {
            var root = parser.Choice();
            return parser.at == pattern.Length ? root : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private bool More => at < pattern.Length;

    private char Peek => pattern[at];

    private static FormatException Unsupported() => new();

    private PatternNode Choice()
    {
        var branches = new List<PatternNode> { Sequence() };
        while (More && Peek == '|')
        {
            at++;
            branches.Add(Sequence());
        }

        return branches.Count == 1 ? branches[0] : new ChoiceNode(branches);
    }

    private SequenceNode Sequence()
    {
        var items = new List<PatternNode>();
        while (More && Peek is not '|' and not ')')
        {
            var atom = Atom();
            if (Quantifier() is var (least, most))
            {
                // After an astral character the quantifier takes its low surrogate alone (ECMA-262 without the u flag, and
                // the validator, read ^😀{2}$ so): one copy keeps the pair whole, any other count leaves a lone surrogate.
                items.Add(atom is AnchorNode || (LowHalf(atom, items) && (least > 1 || most < 1)) ? throw Unsupported()
                    : LowHalf(atom, items) ? atom : new RepeatNode(atom, least, most));
                at += More && Peek == '?' ? 1 : 0; // lazy: the same texts match
                if (More && (Peek is '*' or '+' or '?' || Bounds(at) is not null))
                {
                    throw Unsupported(); // a possessive or doubled quantifier
                }
            }
            else
            {
                items.Add(atom);
            }
        }

        return new SequenceNode(items);
    }

    /// <summary>True when <paramref name="atom"/> is the low surrogate of a pair the last item began.</summary>
    private static bool LowHalf(PatternNode atom, List<PatternNode> items) =>
        atom is CharNode { Single: true } low && char.IsLowSurrogate(low.Sample)
        && items.Count > 0 && items[^1] is CharNode { Single: true } high && char.IsHighSurrogate(high.Sample);

    private PatternNode Atom()
    {
        var c = pattern[at++];
        switch (c)
        {
            case '^' or '$':
                return new AnchorNode();
            case '(':
                depth = depth < MaxDepth ? depth + 1 : throw Unsupported();
                var inner = Group();
                depth--;
                return More && pattern[at++] == ')' ? inner : throw Unsupported();
            case '[':
                return Class();
            case '.':
                return new CharNode(ch => ch is not '\n' and not '\r' and not '\u2028' and not '\u2029', 'a');
            case '\\':
                return Escape();
            case '*' or '+' or '?':
                throw Unsupported();
            case '{' when Bounds(at - 1) is not null:
                throw Unsupported();
            default:
                return Literal(c);
        }
    }

    private PatternNode Group()
    {
        if (More && Peek == '?')
        {
            if (pattern.AsSpan(at).StartsWith("?:"))
            {
                at += 2;
            }
            else if (pattern.AsSpan(at).StartsWith("?<") && at + 2 < pattern.Length && char.IsAsciiLetter(pattern[at + 2]))
            {
                at = pattern.IndexOf('>', at) is var close and > 0 ? close + 1 : throw Unsupported();
            }
            else
            {
                throw Unsupported(); // lookaround, inline flags, atomic group
            }
        }

        return Choice();
    }

    /// <summary>The quantifier at the current position, consumed, or null.</summary>
    private (int Least, int Most)? Quantifier()
    {
        if (!More)
        {
            return null;
        }

        switch (Peek)
        {
            case '*':
                at++;
                return (0, PatternNode.Unbounded);
            case '+':
                at++;
                return (1, PatternNode.Unbounded);
            case '?':
                at++;
                return (0, 1);
        }

        if (Bounds(at) is not { } bounds)
        {
            return null;
        }

        at = pattern.IndexOf('}', at) + 1;
        return bounds.Most >= bounds.Least ? bounds : throw Unsupported();
    }

    /// <summary><c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c> starting at <paramref name="start"/>; otherwise null (a literal brace).</summary>
    private (int Least, int Most)? Bounds(int start)
    {
        var close = start < pattern.Length && pattern[start] == '{' ? pattern.IndexOf('}', start) : -1;
        if (close < 0)
        {
            return null;
        }

        var parts = pattern[(start + 1)..close].Split(',');
        return parts.Length is 1 or 2 && parts.All(p => p.All(char.IsAsciiDigit)) && parts[0].Length > 0
            && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var least)
            ? (least, parts.Length == 1 ? least : parts[1].Length == 0 ? PatternNode.Unbounded : int.TryParse(parts[1], CultureInfo.InvariantCulture, out var most) ? most : throw Unsupported())
            : null;
    }
}
