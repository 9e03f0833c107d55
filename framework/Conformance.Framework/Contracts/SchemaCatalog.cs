using Conformance.Diagnostics;
using Conformance.Files;
using Conformance.Schema;

namespace Conformance.Contracts;

/// <summary>Every schema of a pack, compiled once at load; a broken schema keeps its diagnostics instead.</summary>
public sealed class SchemaCatalog
{
    private readonly Dictionary<string, JsonSchema> compiled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Diagnostic>> broken = new(StringComparer.Ordinal);

    public static SchemaCatalog Load(string packFolder, string displayRoot, string? dialect)
    {
        var catalog = new SchemaCatalog();
        var options = new SchemaOptions { DefaultDialect = DialectNames.Parse(dialect) ?? Dialect.Draft202012, MisspeltKeywords = true, MisspeltFormats = true };
        // A file a $ref reaches outside schemas/ is read as the pack's own files are: a link to /dev/zero or a pipe is refused.
        var registry = new SchemaRegistry(options) { ReadFile = path => WholeFile.Text(path, FileKind.Pack) };
        registry.AddDirectory(packFolder);
        var schemaDir = Path.Combine(packFolder, "schemas");
        if (!Directory.Exists(schemaDir))
        {
            return catalog;
        }

        // One load for all the pack's schemas: a schema many others reference is compiled once (bench/README.md).
        var texts = new List<string>();

        // A file that cannot be read (a symbolic link to nothing) is broken with CT0125; the others still compile.
        var files = new List<string>();
        var (found, loops) = SchemaFiles.Find(schemaDir, packFolder, displayRoot);
        foreach (var (folder, diagnostics) in loops)
        {
            catalog.broken[folder] = diagnostics;
        }

        foreach (var file in found)
        {
            var bag = new DiagnosticBag();
            if (PackLoader.ReadText(file, Relative(displayRoot, file), bag) is { } text)
            {
                files.Add(file);
                texts.Add(text);
            }
            else
            {
                catalog.broken[Relative(packFolder, file)] = bag.Items;
            }
        }

        var results = JsonSchema.ParseAll([.. files.Select((f, i) => (texts[i], Relative(displayRoot, f), new Uri(f)))], registry);
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var key = Relative(packFolder, file);
            var result = results[i];
            if (result.Succeeded)
            {
                catalog.compiled[key] = result.Schema!;
            }
            else
            {
                catalog.broken[key] = result.Diagnostics
                    .Select(d => new Diagnostic(d.Code, new SourceLocation(d.Path, d.Line, d.Column), Local(d.What, displayRoot), Local(d.Why, displayRoot), d.Fix))
                    .ToList();
            }
        }

        return catalog;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<Diagnostic>> Broken => broken;

    /// <summary>Messages name files as the reader sees them (relative to the display root), never by machine path.</summary>
    private static string Local(string text, string displayRoot)
    {
        var root = Path.GetFullPath(displayRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return text.Replace(new Uri(root).AbsoluteUri, string.Empty, StringComparison.Ordinal).Replace(root, string.Empty, StringComparison.Ordinal);
    }

    public JsonSchema? Find(string relativePath) => compiled.GetValueOrDefault(Normalize(relativePath));

    public bool IsBroken(string relativePath) => broken.ContainsKey(Normalize(relativePath));

    public bool Exists(string relativePath) => compiled.ContainsKey(Normalize(relativePath)) || IsBroken(relativePath);

    /// <summary>Every schema file of the pack, by its path under the pack (schemas/thing.schema.json), for a did-you-mean.</summary>
    public IEnumerable<string> Paths => compiled.Keys.Concat(broken.Keys);

    public IReadOnlyList<Diagnostic> DiagnosticsOf(string relativePath) => broken.GetValueOrDefault(Normalize(relativePath)) ?? [];

    public static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

    private static string Normalize(string path) => path.Replace('\\', '/').TrimStart('.', '/');
}
