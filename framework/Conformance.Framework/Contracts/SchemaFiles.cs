using Conformance.Diagnostics;

namespace Conformance.Contracts;

/// <summary>
/// The <c>*.json</c> files under a pack's schemas/ folder, its subfolders included. A folder linked to one already read
/// (<c>schemas/self -> .</c>, a loop) is not followed: it is reported once (CT0125), and each schema is read once.
/// </summary>
internal static class SchemaFiles
{
    /// <summary>Every schema file in name order; each folder link not followed, with its diagnostic, by its path under the pack.</summary>
    public static (List<string> Files, Dictionary<string, IReadOnlyList<Diagnostic>> Loops) Find(string schemaDir, string packFolder, string displayRoot)
    {
        var files = new List<string>();
        var loops = new Dictionary<string, IReadOnlyList<Diagnostic>>(StringComparer.Ordinal);
        var root = Path.GetFullPath(schemaDir);
        Walk(root, Real(root), [], files, loops, packFolder, displayRoot);
        files.Sort(StringComparer.Ordinal);
        return (files, loops);
    }

    private static void Walk(string dir, string real, HashSet<string> read, List<string> files, Dictionary<string, IReadOnlyList<Diagnostic>> loops, string packFolder, string displayRoot)
    {
        read.Add(real);
        files.AddRange(Directory.EnumerateFiles(dir, "*.json"));
        foreach (var sub in Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal))
        {
            var target = new DirectoryInfo(sub).LinkTarget is null ? Path.Combine(real, Path.GetFileName(sub)) : Real(sub);
            if (read.Contains(target) || real.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                var display = SchemaCatalog.Relative(displayRoot, sub);
                var at = SourceLocation.FileStart(display);
                loops[SchemaCatalog.Relative(packFolder, sub)] = [new Diagnostic(ErrorCodes.UnreadableFile.Code, at, $"Folder {display} is not read",
                    $"it is a symbolic link to '{new DirectoryInfo(sub).LinkTarget}', a folder whose schemas are read already, so following it would read them again without end",
                    "Remove the link, or point it at a folder outside schemas/.")];
                continue;
            }

            Walk(sub, target, read, files, loops, packFolder, displayRoot);
        }
    }

    /// <summary>The folder a path names once every link in it is followed.</summary>
    private static string Real(string dir)
    {
        var info = new DirectoryInfo(dir);
        return Path.TrimEndingDirectorySeparator(info.LinkTarget is null ? info.FullName : (info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName));
    }
}
