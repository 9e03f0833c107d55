using YamlDotNet.RepresentationModel;

namespace Conformance.Contracts;

/// <summary>
/// The items of a top-level flow list (<c>rows: [ {...}, {...} ]</c>) or the entries of a top-level flow mapping
/// (<c>operations: { get_a: {...}, get_b: {...} }</c>) found by their text alone, for a file YAML cannot read whole: the
/// collection is split at its commas outside quotes, brackets and comments. Nothing is found when that split is not
/// certain: a bracket closed by the other kind or never closed, a quote never closed, an empty item, a mapping entry that
/// does not start with a key and ': ' (<see cref="YamlKey"/>); YamlRecovery then checks that the file, with the broken
/// items emptied, has exactly these items where they were found.
/// </summary>
internal static class FlowEntries
{
    /// <summary>
    /// The items of <paramref name="key"/><c>: [</c> (<paramref name="items"/>), else the entries of <paramref name="key"/><c>: {</c>,
    /// in the first column, each with its columns; empty when there is none or the split is not certain.
    /// </summary>
    public static List<BlockEntry> Find(string[] lines, string key, bool items)
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

        var opener = items ? '[' : '{';
        return open < head.Length && head[open] == opener && Split(lines, key, start, open + 1, opener == '[' ? ']' : '}') is { } found
            ? (items ? found : Keyed(lines, found)) ?? []
            : [];
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
        var (open, close) = entry.Name.Length > 0 ? ('{', '}') : ('[', ']');
        var prefix = $"{entry.Collection}: {open}";
        return from > prefix.Length
            ? (prefix + new string(' ', from - prefix.Length) + item + $" {close}", entry.First - 1)
            : (prefix + "\n" + new string(' ', from) + item + $" {close}", entry.First - 2);
    }

    /// <summary>The line of <paramref name="lines"/> with the item emptied (<c>~</c>, <c>key: ~</c>), every other character where it was.</summary>
    public static void Blank(string[] lines, BlockEntry entry)
    {
        var (from, to) = entry.Columns!.Value;
        var first = lines[entry.First - 1];
        var last = lines[entry.Last - 1];
        var empty = entry.Placeholder;
        lines[entry.First - 1] = first[..from] + empty + (entry.First == entry.Last ? new string(' ', to - from - empty.Length) + first[to..] : string.Empty);
        for (var line = entry.First + 1; line < entry.Last; line++)
        {
            lines[line - 1] = string.Empty;
        }

        if (entry.Last > entry.First)
        {
            lines[entry.Last - 1] = new string(' ', to) + last[to..];
        }
    }

    /// <summary>
    /// True when each flow collection of <paramref name="root"/> that entries were found in has exactly these items (a
    /// list) or keys (a mapping), each starting inside the text found for it.
    /// </summary>
    public static bool Found(YamlNode root, IEnumerable<BlockEntry> flow) =>
        root is YamlMappingNode map && flow.GroupBy(e => e.Collection).All(g => Found(map, g.Key, g.ToList()));

    private static bool Found(YamlMappingNode map, string collection, List<BlockEntry> flow)
    {
        IEnumerable<YamlNode>? starts = map.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: { } name } && name == collection).Value switch
        {
            YamlSequenceNode list when flow[0].Name.Length == 0 => list.Children,
            YamlMappingNode entries when flow[0].Name.Length > 0 => entries.Children.Keys,
            _ => null,
        };
        return starts is not null && starts.Count() == flow.Count
            && starts.Zip(flow).All(p => p.Second.Holds((int)p.First.Start.Line, (int)p.First.Start.Column));
    }

    /// <summary>The items as mapping entries, each named by its key and emptied as <c>key: ~</c>; null when one does not start with a key.</summary>
    private static List<BlockEntry>? Keyed(string[] lines, List<BlockEntry> found)
    {
        var entries = new List<BlockEntry>();
        foreach (var item in found)
        {
            var (from, to) = item.Columns!.Value;
            if (YamlKey.At(lines[item.First - 1].TrimEnd('\r'), from) is not { } key)
            {
                return null;
            }

            // 'key:' (an empty value) where 'key: ~' would not fit on the item's one line.
            var empty = item.First == item.Last && to - from < key.Raw.Length + 3 ? key.Raw + ":" : key.Raw + ": ~";
            entries.Add(item with { Placeholder = empty, Name = key.Name });
        }

        return entries;
    }

    private static List<BlockEntry>? Split(string[] lines, string key, int line, int column, char end)
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

                if (closers.Count == 0 && (c == ',' || c == end))
                {
                    if (first is not { } at)
                    {
                        // The end after nothing or after a last ',' (YAML allows one); an empty item between two commas is not.
                        return c == end ? entries : null;
                    }

                    entries.Add(new BlockEntry(at.Line + 1, last.Line + 1, "~") { Collection = key, Columns = (at.Column, last.Column + 1) });
                    first = null;
                    if (c == end)
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
