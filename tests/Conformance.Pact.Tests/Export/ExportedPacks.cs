using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Pact.Export;

namespace Conformance.Pact.Tests.Export;

/// <summary>
/// The shipped packs under contracts/, exported once per test run into <c>{test output}/pacts/</c>, where they
/// stay after the run (CI can publish them from there).
/// </summary>
internal static class ExportedPacks
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "pacts");

    private static readonly Lazy<ContractSet> LazyContracts = new(() =>
    {
        var root = RepoPaths.Root();
        return PackLoader.LoadAll(Path.Combine(root, "contracts"), root);
    });

    private static readonly Lazy<IReadOnlyDictionary<string, (ExportedPact Export, string? File)>> LazyExports = new(() =>
        PactExporter.WriteAll(Contracts, Folder).ToDictionary(e => e.Export.Api, StringComparer.Ordinal));

    public static ContractSet Contracts => LazyContracts.Value;

    public static IEnumerable<string> Apis => Contracts.Packs.Where(p => p.Pack is not null).Select(p => p.Name);

    public static ExportedPact Export(string api) => LazyExports.Value[api].Export;

    public static string File(string api) => LazyExports.Value[api].File ?? throw new InvalidOperationException($"No pact was written for '{api}'.");
}
