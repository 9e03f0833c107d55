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
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line[0] is ' ' or '\t' or '#')
            {
                continue;
            }

            if (open is not null)
            {
                yield return open with { Last = BlockEntries.LastWritten(lines, open.First, i) };
                open = null;
            }

            if (YamlKey.At(line, 0) is { } key && !collections.Contains(key.Name))
            {
                open = new BlockEntry(i + 1, i + 1, string.Empty)
                {
                    Collection = Descriptive.Contains(key.Name) ? Collection : Block, Name = key.Name, Indent = (0, 0),
                };
            }
        }

        if (open is not null)
        {
            yield return open with { Last = BlockEntries.LastWritten(lines, open.First, lines.Length) };
        }
    }
}
