namespace Conformance.Contracts;

/// <summary>
/// The one-line text entries of a file's top-level mapping that say what the file is (<c>title: Notes API: v2</c>,
/// <c>docs:</c>, a table's <c>description:</c>), for a file YAML cannot read whole: one of them that YAML cannot read
/// alone is blanked (its key left out, as if not written) and reported, so a colon copied into a title or a description
/// does not cost every row. Keys that change what is sent or checked (<c>auth</c>, <c>defaults</c>, <c>vars</c>,
/// <c>dialect</c>, ...) are not among them: without them the rows would run differently, so their mistake still stops
/// the file.
/// </summary>
internal static class HeaderEntries
{
    /// <summary>The <see cref="BlockEntry.Collection"/> of these entries.</summary>
    public const string Collection = "(top level)";

    private static readonly string[] Descriptive = ["title", "docs", "description"];

    public static IEnumerable<BlockEntry> Find(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0 || !Descriptive.Contains(line[..colon]) || line[(colon + 2)..].Trim().Length == 0 || !EndsHere(lines, i))
            {
                continue;
            }

            yield return new BlockEntry(i + 1, i + 1, string.Empty) { Collection = Collection, Indent = (0, 0) };
        }
    }

    /// <summary>True when the next written line starts in the first column (no continuation of this entry below it).</summary>
    private static bool EndsHere(string[] lines, int index)
    {
        for (var i = index + 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var content = line.TrimStart(' ', '\t');
            if (content.Length > 0 && content[0] != '#')
            {
                return line.Length == content.Length;
            }
        }

        return true;
    }
}
