using Conformance.Diagnostics;

namespace Conformance.Contracts;

/// <summary>
/// Finds a pack's status tables: each <c>tables/*.yaml</c> or <c>*.yml</c> (the extension in any case, <c>status.YAML</c>).
/// Nothing under tables/ is passed over silently: another file (<c>notes.json</c>, <c>main.yaml.txt</c>) or a subfolder
/// (never searched, so a folder linked to itself is no loop) is reported, and so is a pack without any table, whose
/// operations would otherwise add no case at all. Hidden files (<c>.gitkeep</c>, an editor's <c>.main.yaml.swp</c>) are
/// not a pack's content and are passed over.
/// </summary>
internal static class TableFiles
{
    private const string Only = "only tables/*.yaml and tables/*.yml are status tables";

    /// <summary>A status table: <c>*.yaml</c> or <c>*.yml</c>, both spellings of YAML, in any case.</summary>
    public static bool IsTable(string file) =>
        file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>The tables to read, in name order; what is not read, and a pack with none, are reported in <paramref name="bag"/>.</summary>
    public static List<string> Find(string folder, string displayRoot, string apiPath, DiagnosticBag bag)
    {
        var tableDir = Path.Combine(folder, "tables");
        var name = Path.GetFileName(folder);
        var entries = Directory.Exists(tableDir)
            ? Directory.EnumerateFileSystemEntries(tableDir).Where(e => !Path.GetFileName(e).StartsWith('.')).Order(StringComparer.Ordinal).ToList()
            : [];
        var tables = new List<string>();
        foreach (var entry in entries)
        {
            var display = SchemaCatalog.Relative(displayRoot, entry);
            if (Directory.Exists(entry))
            {
                bag.Error(ErrorCodes.UnreadableFile, SourceLocation.FileStart(display), $"Folder {display}/ is not read",
                    $"{Only}, a subfolder is not searched, so its rows would not run", "Move its tables up into tables/, or move the folder out of tables/.");
            }
            else if (IsTable(entry))
            {
                tables.Add(entry);
            }
            else
            {
                bag.Error(ErrorCodes.UnreadableFile, SourceLocation.FileStart(display), $"{display} is not read",
                    $"{Only}, so rows in it would not run", "Rename it to end in .yaml if it is a status table, or move it out of tables/.");
            }
        }

        if (tables.Count == 0)
        {
            var where = Directory.Exists(tableDir) ? $"{name}/tables/ holds no *.yaml or *.yml file" : $"{name} has no tables/ folder";
            bag.Error(ErrorCodes.EmptyTable, SourceLocation.FileStart(apiPath), $"Pack '{name}' has no status table",
                $"{where}, so none of its operations is probed and the pack would add no case", "Add rows in tables/<name>.yaml (docs/pack-format.md), or delete the pack folder.");
        }

        return tables;
    }
}
