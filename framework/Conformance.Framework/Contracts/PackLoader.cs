using Conformance.Diagnostics;
using Conformance.Tables;

namespace Conformance.Contracts;

/// <summary>
/// Loads every pack under a contracts folder. Never throws on user files: each problem becomes an
/// <see cref="InvalidEntry"/> and every good row is still returned.
/// </summary>
public static class PackLoader
{
    /// <summary>Loads every pack folder under <paramref name="contractsRoot"/>; relative paths are taken from the current directory.</summary>
    public static ContractSet LoadAll(string contractsRoot, string displayRoot) => LoadAll(contractsRoot, displayRoot, Load);

    /// <summary>
    /// As <see cref="LoadAll(string, string)"/>; a contracts folder with no pack is reported where the setting came from
    /// (<paramref name="origin"/>: <c>Targets.SettingsSource.FromItsOrigin</c>, so <c>environment:CONFORMANCE_CONFORMANCE_CONTRACTS</c>
    /// when that variable named it).
    /// </summary>
    public static ContractSet LoadAll(string contractsRoot, string displayRoot, Func<Diagnostic, Diagnostic> origin) =>
        LoadAll(contractsRoot, displayRoot, Load, origin);

    /// <summary>Loads each pack with <paramref name="load"/>; a pack whose load throws becomes one invalid entry, the others still load.</summary>
    internal static ContractSet LoadAll(string contractsRoot, string displayRoot, Func<string, string, LoadedPack> load, Func<Diagnostic, Diagnostic>? origin = null)
    {
        if (File.Exists(Path.Combine(contractsRoot, "api.yaml")))
        {
            // A pack's own folder (conformance.contracts=contracts/notes): that pack alone. Read as a folder of packs, its
            // tables/ and schemas/ were two packs without an api.yaml (two CT0117s, and no row of it ran).
            return new ContractSet([LoadOrReport(contractsRoot, displayRoot, load)]);
        }

        var packs = Directory.Exists(contractsRoot)
            ? Directory.EnumerateDirectories(contractsRoot).Order(StringComparer.Ordinal).Select(d => LoadOrReport(d, displayRoot, load)).ToList()
            : [];
        return new ContractSet(packs.Count > 0 ? packs : [NoPacks(contractsRoot, origin ?? (d => d))]);
    }

    /// <summary>The contracts folder is missing or holds no pack folder: one failing case says so, instead of a run of zero tests.</summary>
    private static LoadedPack NoPacks(string contractsRoot, Func<Diagnostic, Diagnostic> origin)
    {
        var full = Path.GetFullPath(contractsRoot);
        var error = origin(new Diagnostic(ErrorCodes.InvalidSetting.Code, new SourceLocation("runsettings:conformance.contracts", 1, 1), Directory.Exists(full) ? $"The contracts folder {full} holds no pack folder" : File.Exists(full) ? $"The contracts folder {full} is a file, not a folder" : $"The contracts folder {full} does not exist",
            "conformance.contracts (or CONFORMANCE_CONFORMANCE_CONTRACTS; unset: the repository's contracts/) names it, and a pack is a folder in it with an api.yaml, so no case would run",
            "Point conformance.contracts at the folder holding one folder per API (contracts/<api>/api.yaml), or unset it."));
        return new LoadedPack("contracts", null, [], [new InvalidEntry("settings", error.Location, [error]) { Kind = "setting" }], new SchemaCatalog());
    }

#pragma warning disable CA1031 // Any failure of one pack must not lose the other packs: it is reported as that pack's failing case.
    private static LoadedPack LoadOrReport(string folder, string displayRoot, Func<string, string, LoadedPack> load)
    {
        try
        {
            return load(folder, displayRoot);
        }
        catch (Exception ex)
        {
            var name = Path.GetFileName(Path.GetFullPath(folder));
            var at = SourceLocation.FileStart(SchemaCatalog.Relative(Path.GetFullPath(displayRoot), Path.Combine(Path.GetFullPath(folder), "api.yaml")));
            var error = new Diagnostic(ErrorCodes.UnreadableFile.Code, at, $"Pack '{name}' could not be loaded: {ex.GetType().Name}: {ex.Message.TrimEnd('.')}",
                "the loader failed in a way it does not foresee, so none of this pack's rows can run (the other packs are loaded)", "Report it with this message; meanwhile check the pack's files near what the message names.");
            return new LoadedPack(name, null, [], [new InvalidEntry(name, at, [error])], new SchemaCatalog());
        }
    }
#pragma warning restore CA1031

    /// <summary>The file's text, or null with CT0125 when it cannot be read (a symbolic link to nothing, no permission).</summary>
    internal static string? ReadText(string file, string displayPath, DiagnosticBag bag)
    {
        try
        {
            return Utf8Text.Read(file, displayPath, bag);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var why = ex is FileNotFoundException or DirectoryNotFoundException && new FileInfo(file).LinkTarget is { } target
                ? $"it is a symbolic link to '{target}', which does not exist"
                : ex is Files.FileRefused ? ex.Message : $"{ex.Message.TrimEnd('.')} ({ex.GetType().Name})";
            bag.Error(ErrorCodes.UnreadableFile, SourceLocation.FileStart(displayPath), $"Cannot read {displayPath}", why,
                ex is Files.FileRefused ? "Put a regular file of at most 64 MiB there, split a larger table into several files under tables/, or remove it." : null);
            return null;
        }
    }

    public static LoadedPack Load(string folder, string displayRoot)
    {
        folder = Path.GetFullPath(folder);
        displayRoot = Path.GetFullPath(displayRoot);
        var name = Path.GetFileName(folder);
        var apiFile = Path.Combine(folder, "api.yaml");
        var apiPath = SchemaCatalog.Relative(displayRoot, apiFile);
        var bag = new DiagnosticBag();
        var invalid = new List<InvalidEntry>();
        if (!File.Exists(apiFile))
        {
            bag.Error(ErrorCodes.MissingApiFile, SourceLocation.FileStart(apiPath), $"Pack '{name}' has no api.yaml", "the pack's operations and documented statuses live there");
            return new LoadedPack(name, null, [], [new InvalidEntry(name, SourceLocation.FileStart(apiPath), bag.Items)], new SchemaCatalog());
        }

        var broken = new Dictionary<string, SourceLocation>(StringComparer.Ordinal); // each operation that failed to load, at its first error
        var text = ReadText(apiFile, apiPath, bag);
        var yamlBag = new DiagnosticBag();
        var root = text is null ? null : YamlSource.Load(text, apiPath, yamlBag);
        IReadOnlyDictionary<(int Line, int Column), BrokenEntry>? unreadable = null;
        if (root is null && yamlBag.Count > 0 && YamlRecovery.Read(text!, apiPath, ["operations", "statuses", "errors", "unprovokable"], items: false, yamlBag.Items) is { } recovered)
        {
            // A broken operation is reported by the operations' reader (its rows then fail with CT0105); the others here:
            // a status line with the status kept as documented, an unprovokable line with the code kept unprovokable
            // (emptied: 'code: ~'), an errors entry with its body contract kept as unreadable (its rows fail with CT0110).
            (root, unreadable, _) = recovered;
            bag.AddRange(recovered.Broken.Values.Where(b => b.Collection != "operations").SelectMany(b => b.Diagnostics));
            bag.AddRange(recovered.File);
        }
        else
        {
            bag.AddRange(yamlBag.Items);
        }

        if (root is null && bag.Count == 0)
        {
            bag.Error(ErrorCodes.MissingKey, SourceLocation.FileStart(apiPath), $"api.yaml of pack '{name}' is empty", "it holds no YAML value, so the pack has no operations and none of its rows can run",
                "Write name:, statuses: and operations: (docs/pack-format.md), or delete the pack folder.");
        }

        var pack = root is null ? null : ApiPackReader.Read(root, apiPath, folder, name, bag, broken, unreadable);
        invalid.AddRange(InvalidEntry.ByLine(name, bag.Items));
        if (pack is null)
        {
            return new LoadedPack(name, null, [], invalid, new SchemaCatalog());
        }

        var schemas = SchemaCatalog.Load(folder, displayRoot, pack.Dialect);
        invalid.AddRange(schemas.Broken.Values.Select(d => new InvalidEntry(name, d[0].Location, d)));
        invalid.AddRange(PackSchemaChecks.CheckPackReferences(pack, schemas, apiPath));

        var rows = new List<StatusRow>();
        var found = new DiagnosticBag();
        var tables = TableFiles.Find(folder, displayRoot, apiPath, found);
        invalid.AddRange(InvalidEntry.ByLine(name, found.Items));
        var numbered = 0;
        foreach (var file in tables)
        {
            var context = new TableContext(SchemaCatalog.Relative(displayRoot, file), pack, broken);
            var fileBag = new DiagnosticBag();
            if (ReadText(file, context.Path, fileBag) is { } table)
            {
                numbered += TableReader.Read(table, context, rows, invalid, numbered);
            }

            invalid.AddRange(InvalidEntry.ByLine(name, fileBag.Items));
        }

        var good = PackSchemaChecks.CheckRows(pack, schemas, rows, invalid, apiPath);
        return new LoadedPack(name, pack, good, invalid, schemas);
    }
}

/// <summary>Everything loaded from the contracts folder.</summary>
public sealed record ContractSet(IReadOnlyList<LoadedPack> Packs)
{
    public IEnumerable<StatusRow> Rows => Packs.SelectMany(p => p.Rows);

    public IEnumerable<InvalidEntry> Invalid => Packs.SelectMany(p => p.Invalid);

    public LoadedPack? Find(string api) => Packs.FirstOrDefault(p => p.Name == api);
}

/// <summary>One pack: its api.yaml model (null when unreadable), good rows, invalid entries and compiled schemas.</summary>
public sealed record LoadedPack(string Name, ApiPack? Pack, IReadOnlyList<StatusRow> Rows, IReadOnlyList<InvalidEntry> Invalid, SchemaCatalog Schemas);
