using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Conformance.Import.Bundling;

/// <summary>A file of the document: its full path, its path as messages name it, its content as a JSON tree.</summary>
internal sealed record PartFile(string FullPath, string DisplayPath, JsonNode? Root);

/// <summary>
/// The files a document refers to, each read once (a file referred to twice, or back, is the same file), at most
/// <see cref="MaxFiles"/> of them and <see cref="MaxBytes"/> in all, so that a tree of references cannot make the import
/// run away. Each is named in messages by its path from where the main document is named from.
/// </summary>
internal sealed partial class PartFiles
{
    /// <summary>How many files, the main document among them, one import reads.</summary>
    public const int MaxFiles = 1000;

    /// <summary>How many bytes the files referred to hold together.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    private readonly Dictionary<string, PartFile> loaded = new(StringComparer.Ordinal);
    private readonly string mainFolder;
    private readonly string displayFolder;
    private long bytes;

    public PartFiles(string mainPath, string mainDisplay, JsonNode mainRoot)
    {
        var full = Path.GetFullPath(mainPath);
        mainFolder = Path.GetDirectoryName(full) ?? full;
        displayFolder = Path.GetDirectoryName(mainDisplay) ?? string.Empty;
        Main = new PartFile(full, mainDisplay, mainRoot);
        loaded[full] = Main;
    }

    public PartFile Main { get; }

    /// <summary>The file at <paramref name="fullPath"/>, read; else what is wrong with it (the end of a sentence: "names the file x, which ...").</summary>
    public (PartFile? File, string? Problem) Load(string fullPath)
    {
        if (loaded.TryGetValue(fullPath, out var known))
        {
            return (known, null);
        }

        var display = Display(fullPath);
        if (Directory.Exists(fullPath))
        {
            return (null, $"names {display}, a folder, not a file");
        }

        if (!File.Exists(fullPath))
        {
            return (null, $"names the file {display}, which does not exist");
        }

        if (loaded.Count >= MaxFiles)
        {
            return (null, $"names the file {display}, one more than the {MaxFiles} files the importer reads for one document");
        }

        if (Files.PlainFile.NotRegular(fullPath) is { } kind)
        {
            return (null, $"names the file {display}, which is {kind}, not a regular file the importer can read whole");
        }

        try
        {
            if (bytes + new FileInfo(fullPath).Length > MaxBytes)
            {
                return (null, $"names the file {display}, past the {MaxBytes / (1024 * 1024)} MiB the importer reads in the files one document refers to");
            }

            var content = File.ReadAllBytes(fullPath);
            bytes += content.Length;

            var json = fullPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            if (DocumentEncoding.Check(content, json, display) is { } encoding)
            {
                return (null, $"names the file {display}, which cannot be read: {encoding.What} (line {encoding.Location.Line}, column {encoding.Location.Column} of it)");
            }

            using (var scan = new StreamReader(new MemoryStream(content)))
            {
                if (DocumentPlaces.Deeper(scan, display) is { } deep)
                {
                    return (null, $"names the file {display}, which nests mappings and lists more than {DocumentPlaces.YamlDepth} levels deep (line {deep.Line}, column {deep.Column} of it), deeper than the OpenAPI reader reads");
                }
            }

            var stream = new YamlStream();
            using (var reader = new StreamReader(new MemoryStream(content)))
            {
                stream.Load(reader);
            }

            if (stream.Documents.Count != 1)
            {
                return (null, $"names the file {display}, which holds {(stream.Documents.Count == 0 ? "no document" : $"{stream.Documents.Count} YAML documents, not one")}");
            }

            var file = new PartFile(fullPath, display, YamlCore.Convert(stream.Documents[0].RootNode));
            loaded[fullPath] = file;
            return (file, null);
        }
        catch (YamlException e)
        {
            return (null, $"names the file {display}, which is not JSON or YAML ({Prefix().Replace(e.Message, string.Empty).TrimEnd('.')}, at line {e.Start.Line}, column {e.Start.Column} of it)");
        }
        catch (FormatException e)
        {
            return (null, $"names the file {display}, which is not read: it has {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"names the file {display}, which cannot be read ({e.Message.TrimEnd('.')})");
        }
    }

    /// <summary>The path of <paramref name="fullPath"/> as messages name it: from the main document's folder as it is named.</summary>
    public string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(mainFolder, fullPath);
        var parts = new List<string>();
        foreach (var part in Path.Combine(displayFolder, relative).Split(Path.DirectorySeparatorChar))
        {
            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join(Path.DirectorySeparatorChar, parts);
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex Prefix();
}
