namespace Conformance.Contracts;

/// <summary>
/// The lines of one entry of a top-level block collection: a list item (from its <c>- </c> line) or a mapping entry
/// (from its <c>key:</c> line) to the last written line before the next entry; <see cref="Placeholder"/> is the entry
/// emptied (<c>- ~</c>, <c>key: ~</c>), for a file read again without it.
/// </summary>
internal sealed record BlockEntry(int First, int Last, string Placeholder)
{
    /// <summary>The top-level key whose collection the entry belongs to (<c>rows</c>, <c>operations</c>, <c>statuses</c>).</summary>
    public string Collection { get; init; } = string.Empty;

    /// <summary>The entry's key, decoded (<c>auth</c>, <c>get_thing</c>); empty for a list item.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Where the entry's own <c>- </c> stands (0-based column) and where the other entries' do.</summary>
    public (int Own, int List) Indent { get; init; }

    /// <summary>For an item of a flow list: its first column on line <see cref="First"/> and the column after its last on <see cref="Last"/> (0-based); null for whole lines.</summary>
    public (int From, int To)? Columns { get; init; }

    /// <summary>Where the node of the emptied entry starts (1-based): the <c>~</c> of <c>- ~</c>, the key of <c>key: ~</c>, the item's first column.</summary>
    public (int Line, int Column) At => Columns is { } c ? (First, c.From + 1)
        : Placeholder.EndsWith("- ~", StringComparison.Ordinal) ? (First, Placeholder.Length)
        : (First, Placeholder.Length - Placeholder.TrimStart(' ').Length + 1);

    /// <summary>True when the position (1-based) lies in the entry.</summary>
    public bool Holds(int line, int column) =>
        line >= First && line <= Last && (Columns is not { } c || ((line > First || column > c.From) && (line < Last || column <= c.To)));

    public string Text(string[] lines) => string.Join('\n', lines[(First - 1)..Last]);
}

/// <summary>Finds the entries of a file's top-level block collection by their text alone, for a file YAML cannot read whole.</summary>
internal static class BlockEntries
{
    /// <summary>
    /// The entries under the top-level <paramref name="key"/> written as a block collection (<c>key:</c> alone on its
    /// line; list items when <paramref name="items"/>, else mapping entries, all at one indentation), lines numbered from
    /// 1; the collection ends at the next line that starts in the first column (another key, a <c>---</c>). Empty when
    /// the file has no such collection, or an entry's first line is not one (a key that is neither a plain name nor quoted, <see cref="YamlKey"/>).
    /// A line in the first column that is certainly no entry's (<see cref="StrayLines"/>) is an entry of its own, and the
    /// others are found as if it were blank.
    /// </summary>
    public static List<BlockEntry> Find(string[] lines, string key, bool items)
    {
        var entries = new List<BlockEntry>();
        var start = Array.FindIndex(lines, l => IsKeyAlone(l, key));
        if (start < 0)
        {
            return entries;
        }

        // The collection's content lines, to the next line in the first column that reads as another key or a '---'.
        var block = new List<(int Index, int At, bool Item)>();
        var end = lines.Length;
        for (var i = start + 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var content = line.TrimStart(' ', '\t');
            if (content.Length == 0 || content[0] == '#')
            {
                continue;
            }

            var at = line.Length - content.Length;
            var item = content[0] == '-' && (content.Length == 1 || content[1] == ' ');
            if (at == 0 && (content.StartsWith("---", StringComparison.Ordinal) || content.StartsWith("...", StringComparison.Ordinal) || (!item && YamlKey.At(line, 0) is not null)))
            {
                end = i;
                break;
            }

            block.Add((i, at, item));
        }

        // A line in the first column that can be no key is left out when it is certainly no entry's (StrayLines).
        var zero = items && block.FirstOrDefault(l => !IsStrayCandidate(lines, l, false)) is { At: 0, Item: true };
        var candidates = block.Where(l => IsStrayCandidate(lines, l, zero)).Select(l => l.Index).ToHashSet();
        var kept = block.Where(l => !candidates.Contains(l.Index)).ToList();
        if (kept.Count == 0 || kept[0].Item != items || (kept[0].At == 0 && !items) || lines[kept[0].Index][..kept[0].At].Contains('\t', StringComparison.Ordinal))
        {
            return entries;
        }

        // A list's items sit at the smallest indentation two of them share (one row indented apart does not decide it);
        // a mapping's entries at its first line's.
        var indent = items
            ? kept.Where(l => l.Item).GroupBy(l => l.At).Where(g => g.Count() > 1).Select(g => g.Key).DefaultIfEmpty(kept[0].At).Min()
            : kept[0].At;
        var strays = Strays(lines, start, candidates, kept, l => l.At == indent && l.Item == items);
        if (strays.Count > 0)
        {
            var blank = (string[])lines.Clone();
            strays.ForEach(i => blank[i] = string.Empty);
            return [.. Find(blank, key, items), .. strays.Select(StrayLines.Entry)];
        }

        var first = 0;
        var placeholder = string.Empty;
        var own = (0, 0);
        var name = string.Empty;
        foreach (var (i, at, item) in block)
        {
            var line = lines[i].TrimEnd('\r');
            if (item == items && (at == indent || first == 0))
            {
                if (first > 0)
                {
                    entries.Add(new BlockEntry(first, LastWritten(lines, first, i), placeholder) { Collection = key, Indent = own, Name = name });
                }

                own = (at, indent);

                var written = items ? null : YamlKey.At(line, at);
                name = written?.Name ?? string.Empty;
                placeholder = items ? new string(' ', indent) + "- ~" : written is not null ? new string(' ', at) + written.Raw + ": ~" : string.Empty;
                if (placeholder.Length == 0)
                {
                    return [];
                }

                first = i + 1;
            }
        }

        if (first > 0)
        {
            entries.Add(new BlockEntry(first, LastWritten(lines, first, end), placeholder) { Collection = key, Indent = own, Name = name });
        }

        return entries;
    }

    /// <summary>
    /// The candidates that are certainly no entry's: the next line kept starts an entry (<paramref name="starts"/>) or
    /// there is none, and nothing from the entry they follow runs on into them (<see cref="StrayLines.Closed"/>).
    /// </summary>
    private static List<int> Strays(string[] lines, int key, HashSet<int> candidates, List<(int Index, int At, bool Item)> kept, Func<(int Index, int At, bool Item), bool> starts)
    {
        if (candidates.Count > StrayLines.Max)
        {
            return [];
        }

        var strays = new List<int>();
        foreach (var candidate in candidates)
        {
            var next = kept.FindIndex(l => l.Index > candidate);
            var entry = kept.FindLastIndex(l => l.Index < candidate && starts(l));
            if ((next < 0 || starts(kept[next])) && StrayLines.Closed(lines, entry < 0 ? key : kept[entry].Index, candidate))
            {
                strays.Add(candidate);
            }
        }

        return strays;
    }

    private static bool IsStrayCandidate(string[] lines, (int Index, int At, bool Item) line, bool zero) =>
        line.At == 0 && StrayLines.IsCandidate(lines[line.Index]) && !(line.Item && zero);

    /// <summary>True when the line is <paramref name="key"/><c>:</c> in the first column with nothing after it but a comment.</summary>
    internal static bool IsKeyAlone(string line, string key)
    {
        var text = line.TrimEnd('\r');
        if (YamlKey.At(text, 0) is not { } found || found.Name != key)
        {
            return false;
        }

        var rest = text[found.Raw.Length..].TrimStart(' ')[1..].Trim(' ');
        return rest.Length == 0 || rest[0] == '#';
    }

    /// <summary>
    /// The last line of an entry that ends before line index <paramref name="end"/> (0-based, exclusive): trailing blank
    /// and comment lines are left out, so a comment heading the next entry stays the next entry's.
    /// </summary>
    internal static int LastWritten(string[] lines, int first, int end)
    {
        var last = end;
        while (last > first)
        {
            var content = lines[last - 1].TrimEnd('\r').TrimStart(' ', '\t');
            if (content.Length > 0 && content[0] != '#')
            {
                break;
            }

            last--;
        }

        return last;
    }
}
