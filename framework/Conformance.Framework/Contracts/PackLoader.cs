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
    public static ContractSet LoadAll(string contractsRoot, string displayRoot)
    {
        var packs = Directory.Exists(contractsRoot)
            ? Directory.EnumerateDirectories(contractsRoot).Order(StringComparer.Ordinal).Select(d => Load(d, displayRoot)).ToList()
            : [];
        return new ContractSet(packs);
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

        var broken = new HashSet<string>(StringComparer.Ordinal);
        var root = YamlSource.Load(File.ReadAllText(apiFile), apiPath, bag);
        if (root is null && bag.Count == 0)
        {
            bag.Error(ErrorCodes.MissingKey, SourceLocation.FileStart(apiPath), $"api.yaml of pack '{name}' is empty", "it holds no YAML value, so the pack has no operations and none of its rows can run",
                "Write name:, statuses: and operations: (docs/pack-format.md), or delete the pack folder.");
        }

        var pack = root is null ? null : ApiPackReader.Read(root, apiPath, folder, name, bag, broken);
        invalid.AddRange(bag.Items.Select(d => new InvalidEntry(name, d.Location, [d])));
        if (pack is null)
        {
            return new LoadedPack(name, null, [], invalid, new SchemaCatalog());
        }

        var schemas = SchemaCatalog.Load(folder, displayRoot, pack.Dialect);
        invalid.AddRange(schemas.Broken.Values.Select(d => new InvalidEntry(name, d[0].Location, d)));
        invalid.AddRange(PackSchemaChecks.CheckPackReferences(pack, schemas, apiPath));

        var rows = new List<StatusRow>();
        var tableDir = Path.Combine(folder, "tables");
        var tables = Directory.Exists(tableDir) ? Directory.EnumerateFiles(tableDir, "*.yaml").Order(StringComparer.Ordinal).ToList() : [];
        var numbered = 0;
        foreach (var file in tables)
        {
            var context = new TableContext(SchemaCatalog.Relative(displayRoot, file), pack, broken);
            numbered += TableReader.Read(File.ReadAllText(file), context, rows, invalid, numbered);
        }

        var good = PackSchemaChecks.CheckRows(pack, schemas, rows, invalid);
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
