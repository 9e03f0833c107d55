using Conformance.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Conformance.Contracts;

/// <summary>
/// A pack file that is not valid YAML, read again entry by entry, so that one broken entry (a table's row, an
/// operation of api.yaml) does not hide the others: each entry of the file's top-level block collection is a span of
/// lines (<see cref="BlockEntries"/>); an entry YAML cannot read is emptied (<c>- ~</c> or <c>key: ~</c>, its other
/// lines left blank, so every line keeps its number) and reported as that entry's error; the rest of the file is then
/// read as usual.
/// </summary>
internal static class YamlRecovery
{
    /// <summary>How many more times the whole file is read for errors its entries do not show alone.</summary>
    public const int MaxRereads = 20;

    /// <summary>
    /// The file's tree with its broken entries emptied, each broken entry's diagnostics by the line it starts on, and what
    /// the file's reading reports besides (a second document);
    /// null when the failure is not inside one entry (a line outside the collection, a flow-style collection, a mistake
    /// that spans entries): then the whole file is one error, as <see cref="YamlSource.Load"/> said.
    /// </summary>
    public static (YamlNode Root, Dictionary<int, BrokenEntry> Broken, IReadOnlyList<Diagnostic> File)? Read(string text, string path, IReadOnlyList<string> keys, bool items)
    {
        var lines = text.Split('\n');
        var entries = keys.SelectMany(k => BlockEntries.Find(lines, k, items)).ToList();
        entries.AddRange(HeaderEntries.Find(lines));
        if (entries.Count == 0)
        {
            return null;
        }

        var broken = new Dictionary<int, BrokenEntry>();
        foreach (var entry in entries)
        {
            // Below the collection's key on a line of its own, as in the file: nesting counts as it would there.
            var bag = new DiagnosticBag();
            if (entry.Indent.Own != entry.Indent.List)
            {
                // Valid alone, but it sets the list's indentation for the rows after it, which then all fail.
                var (own, list) = entry.Indent;
                bag.Error(ErrorCodes.YamlSyntax, new SourceLocation(path, entry.First, own + 1), "The file is not valid YAML",
                    $"this row's '-' is indented {own} space(s), the other rows' {list}, so YAML cannot read the rows after it",
                    $"Indent its '-' by {list} space(s), as the other rows.");
                broken[entry.First] = new BrokenEntry(entry.Collection, bag.Items);
                continue;
            }

            if (!YamlSource.ReadsAlone(entry.Collection + ":\n" + entry.Text(lines), path, bag))
            {
                broken[entry.First] = new BrokenEntry(entry.Collection, Shift(bag.Items, entry.First - 2));
            }
        }

        // What reads alone may still fail in the file (an alias to another entry's anchor): blame the entry it is in, once;
        // a few times at most, each is a reading of the whole file.
        for (var attempt = 0; attempt <= Math.Min(entries.Count, MaxRereads); attempt++)
        {
            var bag = new DiagnosticBag();
            var root = YamlSource.Load(Blank(lines, entries, broken), path, bag);
            if (root is not null)
            {
                return broken.Count == 0 ? null : (root, broken, bag.Items);
            }

            var line = bag.Items.Count == 0 ? 0 : bag.Items[0].Location.Line;
            var entry = entries.FirstOrDefault(s => line >= s.First && line <= s.Last);
            if (entry is null || broken.ContainsKey(entry.First))
            {
                return null;
            }

            broken[entry.First] = new BrokenEntry(entry.Collection, bag.Items);
        }

        return null;
    }

    private static List<Diagnostic> Shift(IEnumerable<Diagnostic> diagnostics, int lines) =>
        diagnostics.Select(d => d with { Location = d.Location with { Line = d.Location.Line + lines } }).ToList();

    private static string Blank(string[] lines, List<BlockEntry> entries, Dictionary<int, BrokenEntry> broken)
    {
        var copy = (string[])lines.Clone();
        foreach (var entry in entries.Where(s => broken.ContainsKey(s.First)))
        {
            copy[entry.First - 1] = entry.Placeholder;
            for (var line = entry.First + 1; line <= entry.Last; line++)
            {
                copy[line - 1] = string.Empty;
            }
        }

        return string.Join('\n', copy);
    }
}

/// <summary>An entry YAML could not read: the collection it belongs to and why.</summary>
internal sealed record BrokenEntry(string Collection, IReadOnlyList<Diagnostic> Diagnostics);
