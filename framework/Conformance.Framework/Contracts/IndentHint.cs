using System.Text.RegularExpressions;

namespace Conformance.Contracts;

/// <summary>
/// Why YAML could not read a key line whose indentation matches none of the keys around it (a key one space deeper
/// than the key before it, or one space less): YamlDotNet's own words ('found invalid mapping', 'did not find expected
/// '-' indicator') name neither the line's indentation nor the one it needs.
/// </summary>
internal static partial class IndentHint
{
    /// <summary>The hint for the key line <paramref name="line"/> (1-based) of <paramref name="text"/>, or null when its indentation is not the problem.</summary>
    public static (int Column, string Why, string Fix)? For(string text, int line, string yamlWhy)
    {
        var lines = text.Split('\n');
        if (line < 2 || line > lines.Length || KeyAt(lines[line - 1]) is not { Item: false } current)
        {
            return null;
        }

        var before = line - 2;
        while (before >= 0 && IsBlank(lines[before]))
        {
            before--;
        }

        if (before < 0 || KeyAt(lines[before]) is not { } previous || previous.Opens || previous.Column == current.Column)
        {
            return null;
        }

        var deeper = current.Column > previous.Column;
        if (!deeper && Enclosing(lines, before, current.Column))
        {
            return null; // it closes the mapping above and lines up with a key of an enclosing one: indentation is fine
        }

        var reading = deeper
            ? "so YAML reads it as more of that key's value, not as a key beside it"
            : "and no key above it starts at that column, so YAML cannot tell which mapping it belongs to";
        return (current.Column + 1,
            $"this line is indented {current.Column} space(s), the key '{previous.Name}' before it {previous.Column}, {reading} ({yamlWhy})",
            $"Indent it by {previous.Column} space(s), as '{previous.Name}'.");
    }

    /// <summary>True when a key line above <paramref name="from"/>, before any line indented less, starts at <paramref name="column"/>.</summary>
    private static bool Enclosing(string[] lines, int from, int column)
    {
        for (var i = from; i >= 0; i--)
        {
            if (KeyAt(lines[i]) is { } key && (key.Column == column || key.Item && key.Column - 2 == column))
            {
                return true;
            }

            if (!IsBlank(lines[i]) && Indent(lines[i]) < column)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A <c>key: value</c> line (or <c>- key: value</c>, an item): the key's column and name, and whether its value opens a block below.</summary>
    private static (int Column, string Name, bool Opens, bool Item)? KeyAt(string line)
    {
        var match = Key().Match(line.TrimEnd('\r'));
        if (!match.Success)
        {
            return null;
        }

        var value = match.Groups["value"].Value.Trim();
        var opens = value.Length == 0 || value.StartsWith('#') || value[0] is '|' or '>' or '&' || (value[0] is '{' or '[' && !value.EndsWith(value[0] == '{' ? '}' : ']'));
        return (match.Groups["key"].Index, match.Groups["key"].Value, opens, match.Groups["dash"].Success);
    }

    private static bool IsBlank(string line) => line.Trim().Length == 0 || line.TrimStart().StartsWith('#');

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    [GeneratedRegex(@"^ *(?<dash>- +)?(?<key>[A-Za-z0-9_$""'.-][^:#]*?): *(?<value>.*)$")]
    private static partial Regex Key();
}
