using Conformance.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Conformance.Contracts;

/// <summary>
/// A pack file that is not valid YAML, read again entry by entry, so that one broken entry (a table's row, an
/// operation of api.yaml, a top-level block such as <c>auth:</c>) does not hide the others: each entry of the file's
/// top-level block collection is a span of lines (<see cref="BlockEntries"/>), each item of a flow list or entry of a
/// flow mapping a span of text (<see cref="FlowEntries"/>), each other top-level entry a span of lines
/// (<see cref="HeaderEntries"/>); an entry YAML cannot read is emptied (<c>- ~</c>, <c>key: ~</c>, <c>~</c>, or left
/// out; its other lines left blank, so every line and column keeps its number) and reported as that entry's error; the
/// rest of the file is then read as usual. A line in the first column that belongs to no entry (<see cref="StrayLines"/>)
/// is reported on its own and read as blank.
/// </summary>
internal static class YamlRecovery
{
    /// <summary>How many more times the whole file is read for errors its entries do not show alone.</summary>
    public const int MaxRereads = 20;

    /// <summary>
    /// The file's tree with its broken entries emptied, each broken entry's diagnostics by where its emptied node starts
    /// (<see cref="BlockEntry.At"/>), and what the file's reading reports besides (a second document);
    /// null when the failure is not inside one entry (a line in the first column that is no key and not certainly a
    /// stray line, <see cref="StrayLines"/>; a flow list or mapping not split for certain; a mistake that spans entries):
    /// then the whole file is one error, as
    /// <see cref="YamlSource.Load"/> said.
    /// </summary>
    /// <param name="text">The file's text.</param>
    /// <param name="path">The file's path, for the diagnostics.</param>
    /// <param name="keys">The top-level collections read entry by entry (rows, operations).</param>
    /// <param name="items">True when those collections are lists.</param>
    /// <param name="whole">What reading the whole file reported: the entry it points into is reported with it, as the file says it.</param>
    public static (YamlNode Root, Dictionary<(int Line, int Column), BrokenEntry> Broken, IReadOnlyList<Diagnostic> File)? Read(string text, string path, IReadOnlyList<string> keys, bool items, IReadOnlyList<Diagnostic> whole)
    {
        // A stray line is read as if blank: the entries are found again without it, so none of them spans it.
        var lines = text.Split('\n');
        var entries = Find(lines, keys, items);
        var strays = entries.Where(e => e.Collection == StrayLines.Collection).OrderBy(e => e.First).ToList();
        if (strays.Count > 0)
        {
            strays.ForEach(s => lines[s.First - 1] = string.Empty);
            entries = [.. strays, .. Find(lines, keys, items)];
        }

        var flow = entries.Where(e => e.Columns is not null).ToList();
        if (entries.Count == 0)
        {
            return null;
        }

        var broken = new Dictionary<(int Line, int Column), BrokenEntry>();
        foreach (var entry in entries)
        {
            if (entry.Collection == StrayLines.Collection)
            {
                broken[entry.At] = new BrokenEntry(entry.Collection, entry.Name, StrayLines.Report(path, entry));
                continue;
            }

            // Below the collection's key on a line of its own, as in the file: nesting counts as it would there.
            var bag = new DiagnosticBag();
            if (entry.Indent.Own != entry.Indent.List)
            {
                // Valid alone, but it sets the list's indentation for the rows after it, which then all fail.
                var (own, list) = entry.Indent;
                bag.Error(ErrorCodes.YamlSyntax, new SourceLocation(path, entry.First, own + 1), "The file is not valid YAML",
                    $"this row's '-' is indented {own} space(s), the other rows' {list}, so YAML cannot read the rows after it",
                    $"Indent its '-' by {list} space(s), as the other rows.");
                broken[entry.At] = new BrokenEntry(entry.Collection, entry.Name, bag.Items);
                continue;
            }

            var (alone, shift) = entry.Columns is null ? (entry.Collection + ":\n" + entry.Text(lines), entry.First - 2) : FlowEntries.Alone(lines, entry);
            if (!YamlSource.ReadsAlone(alone, path, bag))
            {
                // Alone, an entry ends where the file goes on ("end of stream" for a quote the next line would close wrongly).
                var said = whole.Count > 0 && entry.Holds(whole[0].Location.Line, whole[0].Location.Column);
                broken[entry.At] = new BrokenEntry(entry.Collection, entry.Name, said ? whole : Shift(bag.Items, shift));
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
                // A flow collection split where YAML does not split it would pass off one item's text as another's: not recovered.
                return broken.Count == 0 || (flow.Count > 0 && !FlowEntries.Found(root, flow)) ? null : (root, broken, bag.Items);
            }

            var at = bag.Items.Count == 0 ? null : bag.Items[0].Location;
            var entry = at is null ? null : entries.FirstOrDefault(s => s.Holds(at.Line, at.Column));
            if (entry is null || broken.ContainsKey(entry.At))
            {
                return null;
            }

            broken[entry.At] = new BrokenEntry(entry.Collection, entry.Name, bag.Items);
        }

        return null;
    }

    /// <summary>The entries of the collections (<see cref="Entries"/>), then every other top-level entry.</summary>
    private static List<BlockEntry> Find(string[] lines, IReadOnlyList<string> keys, bool items) =>
        [.. keys.SelectMany(k => Entries(lines, k, items)), .. HeaderEntries.Find(lines, keys)];

    /// <summary>A collection's entries: a block collection's; a list or mapping written in flow style, its items.</summary>
    private static List<BlockEntry> Entries(string[] lines, string key, bool items)
    {
        var block = BlockEntries.Find(lines, key, items);
        return block.Count > 0 ? block : FlowEntries.Find(lines, key, items);
    }

    private static List<Diagnostic> Shift(IEnumerable<Diagnostic> diagnostics, int lines) =>
        diagnostics.Select(d => d with { Location = d.Location with { Line = d.Location.Line + lines } }).ToList();

    private static string Blank(string[] lines, List<BlockEntry> entries, Dictionary<(int Line, int Column), BrokenEntry> broken)
    {
        var copy = (string[])lines.Clone();
        foreach (var entry in entries.Where(s => broken.ContainsKey(s.At)))
        {
            if (entry.Columns is not null)
            {
                FlowEntries.Blank(copy, entry);
                continue;
            }

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
/// <param name="Collection">The top-level key it is an entry of, or <see cref="HeaderEntries.Collection"/> or <see cref="HeaderEntries.Block"/>.</param>
/// <param name="Name">Its key (<c>auth</c>, <c>get_thing</c>); empty for a list item.</param>
/// <param name="Diagnostics">Why YAML could not read it.</param>
internal sealed record BrokenEntry(string Collection, string Name, IReadOnlyList<Diagnostic> Diagnostics);
