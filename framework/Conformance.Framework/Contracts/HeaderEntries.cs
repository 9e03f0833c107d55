namespace Conformance.Contracts;

/// <summary>
/// The entries of a file's top-level mapping outside its collections read entry by entry (api.yaml's <c>auth:</c>,
/// <c>defaults:</c>, <c>vars:</c>, <c>title:</c>; a table's <c>description:</c>), each from its <c>key:</c> line in the
/// first column to the last written line before the next, for a file YAML cannot read whole. One that YAML cannot read
/// alone is blanked (its key left out) and reported. A descriptive one (<c>title</c>, <c>docs</c>, <c>description</c>, api.yaml's <c>name</c>: the folder's is used)
/// is then as if not written; any other changes what the rows send or check, so its reader makes every row invalid,
/// pointing at it (<see cref="ApiPack.UnreadableBlocks"/>, <see cref="Tables.StatusRow.BrokenBlock"/>).
/// </summary>
internal static class HeaderEntries
{
    /// <summary>The <see cref="BlockEntry.Collection"/> of a descriptive entry (name, title, docs, description).</summary>
    public const string Collection = "(top level)";

    /// <summary>The <see cref="BlockEntry.Collection"/> of any other entry (auth, defaults, vars, an x- block of anchors).</summary>
    public const string Block = "(block)";

    private static readonly string[] Descriptive = ["name", "title", "docs", "description"];

    /// <param name="lines">The file's lines.</param>
    /// <param name="collections">The top-level keys whose entries are read one by one instead (rows, operations).</param>
    public static IEnumerable<BlockEntry> Find(string[] lines, IReadOnlyCollection<string> collections)
    {
        BlockEntry? open = null;
        var from = 0; // the last key in the first column: where what may run on into a stray line starts
        var inCollection = false; // below a block collection's key: its stray lines are BlockEntries'
        var alone = false; // that key has nothing after it on its line: its value may be a list in the first column
        var list = false; // in a list written in the first column (rateLimitHeaders:, then '- A' lines)
        var previous = -1; // the last written line
        var candidates = lines.Count(l => StrayLines.IsCandidate(l));
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] is ' ' or '\t')
            {
                previous = i;
                continue;
            }

            if (open is not null)
            {
                yield return open with { Last = BlockEntries.LastWritten(lines, open.First, i) };
                open = null;
            }

            var key = YamlKey.At(line, 0);
            list = StrayLines.IsItem(line) && (list || (alone && previous == from));
            previous = i;
            if (key is not null)
            {
                from = i;
                alone = BlockEntries.IsKeyAlone(line, key.Name);
                inCollection = alone && collections.Contains(key.Name);
                if (!collections.Contains(key.Name))
                {
                    open = new BlockEntry(i + 1, i + 1, string.Empty)
                    {
                        Collection = Descriptive.Contains(key.Name) ? Collection : Block, Name = key.Name, Indent = (0, 0),
                    };
                }
            }
            else if (!inCollection && !list && candidates <= StrayLines.Max && StrayLines.IsCandidate(line) && NextInFirstColumn(lines, i) && StrayLines.Closed(lines, from, i))
            {
                yield return StrayLines.Entry(i);
            }
        }

        if (open is not null)
        {
            yield return open with { Last = BlockEntries.LastWritten(lines, open.First, lines.Length) };
        }
    }

    /// <summary>True when the next written line that is not a stray line's candidate starts in the first column, or there is none.</summary>
    private static bool NextInFirstColumn(string[] lines, int index)
    {
        for (var i = index + 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length > 0 && line[0] != '#' && !StrayLines.IsCandidate(line))
            {
                return line[0] is not (' ' or '\t');
            }
        }

        return true;
    }
}
