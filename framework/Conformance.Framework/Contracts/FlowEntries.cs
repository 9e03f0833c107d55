using YamlDotNet.RepresentationModel;

namespace Conformance.Contracts;

/// <summary>
/// The items of a top-level flow list (<c>rows: [ {...}, {...} ]</c>) found by their text alone, for a file YAML cannot
/// read whole: the list is split at its commas outside quotes, brackets and comments. Nothing is found when that split
/// is not certain: a bracket closed by the other kind or never closed, a quote never closed, an empty item; YamlRecovery
/// then checks that the file, with the broken items emptied, has exactly these items where they were found.
/// </summary>
internal static class FlowEntries
{
    /// <summary>The items of <paramref name="key"/><c>: [</c> in the first column, each with its columns; empty when there is none or the split is not certain.</summary>
    public static List<BlockEntry> Find(string[] lines, string key)
    {
        var start = Array.FindIndex(lines, l => YamlKey.At(l.TrimEnd('\r'), 0) is { } k && k.Name == key);
        if (start < 0)
        {
            return [];
        }

        var head = lines[start].TrimEnd('\r');
        var open = head.IndexOf(':', YamlKey.At(head, 0)!.Raw.Length) + 1;
        while (open < head.Length && head[open] == ' ')
        {
            open++;
        }

        return open < head.Length && head[open] == '[' ? Split(lines, key, start, open + 1) ?? [] : [];
    }

    /// <summary>
    /// The file's text with the item alone in the list, as a file of its own, and how many lines to add to a line of it
    /// to have the file's: every column stays as in the file.
    /// </summary>
    public static (string Text, int Shift) Alone(string[] lines, BlockEntry entry)
    {
        var (from, to) = entry.Columns!.Value;
        var item = entry.First == entry.Last
            ? lines[entry.First - 1][from..to]
            : string.Join('\n', [lines[entry.First - 1][from..].TrimEnd('\r'), .. lines[entry.First..(entry.Last - 1)], lines[entry.Last - 1][..to]]);
        var prefix = entry.Collection + ": [";
        return from > prefix.Length
            ? (prefix + new string(' ', from - prefix.Length) + item + " ]", entry.First - 1)
            : (prefix + "\n" + new string(' ', from) + item + " ]", entry.First - 2);
    }

    /// <summary>The line of <paramref name="lines"/> with the item emptied (<c>~</c>), every other character where it was.</summary>
    public static void Blank(string[] lines, BlockEntry entry)
    {
        var (from, to) = entry.Columns!.Value;
        var first = lines[entry.First - 1];
        var last = lines[entry.Last - 1];
        lines[entry.First - 1] = first[..from] + "~" + (entry.First == entry.Last ? new string(' ', to - from - 1) + first[to..] : string.Empty);
        for (var line = entry.First + 1; line < entry.Last; line++)
        {
            lines[line - 1] = string.Empty;
        }

        if (entry.Last > entry.First)
        {
            lines[entry.Last - 1] = new string(' ', to) + last[to..];
        }
    }

    /// <summary>True when <paramref name="root"/>'s list of the entries' collection has exactly these items, each starting inside the text found for it.</summary>
    public static bool Found(YamlNode root, IReadOnlyList<BlockEntry> flow) =>
        root is YamlMappingNode map
        && map.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: { } name } && name == flow[0].Collection).Value is YamlSequenceNode list
        && list.Children.Count == flow.Count
        && list.Children.Zip(flow).All(p => p.Second.Holds((int)p.First.Start.Line, (int)p.First.Start.Column));

    private static List<BlockEntry>? Split(string[] lines, string key, int line, int column)
    {
        var entries = new List<BlockEntry>();
        var closers = new Stack<char>();
        (int Line, int Column)? first = null;
        var last = (Line: 0, Column: 0);
        var previous = '[';
        for (; line < lines.Length; line++, column = 0)
        {
            var text = lines[line].TrimEnd('\r');
            for (; column < text.Length; column++)
            {
                var c = text[column];
                if (c is ' ' or '\t')
                {
                    continue;
                }

                if (c == '#' && (column == 0 || text[column - 1] is ' ' or '\t'))
                {
                    break;
                }

                if (closers.Count == 0 && c is ',' or ']')
                {
                    if (first is not { } at)
                    {
                        // ']' after nothing or after a last ',' (YAML allows one); an empty item between two commas is not.
                        return c == ']' ? entries : null;
                    }

                    entries.Add(new BlockEntry(at.Line + 1, last.Line + 1, "~") { Collection = key, Columns = (at.Column, last.Column + 1) });
                    first = null;
                    if (c == ']')
                    {
                        return entries;
                    }

                    previous = c;
                    continue;
                }

                first ??= (line, column);
                if (c is '"' or '\'' && previous is '[' or '{' or ',' or ':' or '?')
                {
                    column = Closing(text, column);
                    if (column < 0)
                    {
                        return null;
                    }
                }
                else if (c is '[' or '{')
                {
                    closers.Push(c == '[' ? ']' : '}');
                }
                else if (c is ']' or '}' && (closers.Count == 0 || closers.Pop() != c))
                {
                    return null;
                }

                last = (line, column);
                previous = text[column];
            }
        }

        return null;
    }

    /// <summary>The column of the quote that closes the one at <paramref name="at"/> on the same line, else -1 (a quote over lines is not split).</summary>
    private static int Closing(string text, int at)
    {
        var quote = text[at];
        for (var i = at + 1; i < text.Length; i++)
        {
            if (quote == '"' && text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote && quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                return i;
            }
        }

        return -1;
    }
}
