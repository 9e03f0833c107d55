using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Pact.Export;
using Conformance.Tables;
using Conformance.Targets;

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

    /// <summary>
    /// Sends the suites' own probes of <paramref name="rows"/> (every row of the pack when null) to a mock server of
    /// <paramref name="pact"/>: whether the mock server matched every interaction, and its mismatch report.
    /// </summary>
    public static async Task<(bool AllMatched, string Report)> ProbeMockAsync(LoadedPack loaded, PactDefinition pact, IEnumerable<StatusRow>? rows = null)
    {
        using var mock = PactMockServer.Start(pact);
        using var run = new ConformanceRun(new ContractSet([loaded]), new SettingsSource(_ => null, _ => null), _ => mock.BaseUri);
        foreach (var row in rows ?? loaded.Rows)
        {
            await run.Runner.RunAsync(row, CancellationToken.None);
        }

        return (mock.AllMatched, mock.MismatchReport());
    }
}
