using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Reporting;
using Conformance.Tables;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Engine;

/// <summary>Runs every row of a test pack against a base URL with the given settings.</summary>
internal static class EngineHarness
{
    public static LoadedPack Demo { get; } = PackLoader.Load(Path.Combine(AppContext.BaseDirectory, "Packs", "demo"), AppContext.BaseDirectory);

    public static async Task<IReadOnlyList<CaseResult>> RunAsync(Uri baseUrl, Dictionary<string, string>? settings = null)
    {
        var values = new Dictionary<string, string>(settings ?? [], StringComparer.Ordinal) { ["demo.baseUrl"] = baseUrl.ToString() };
        values.TryAdd("demo.token", "demo-secret-token");
        values.TryAdd("demo.allowMutation", "true");
        return await RunRowsAsync(Demo, Demo.Rows, values);
    }

    /// <summary>Runs one row (a demo row, possibly changed with <c>with</c>) against <paramref name="baseUrl"/>.</summary>
    public static async Task<CaseResult> RunRowAsync(Uri baseUrl, StatusRow row) =>
        (await RunRowsAsync(Demo, [row], new Dictionary<string, string> { ["demo.baseUrl"] = baseUrl.ToString(), ["demo.token"] = "demo-secret-token" })).Single();

    /// <summary>Runs <paramref name="rows"/> of <paramref name="pack"/> at once, its target settings from <paramref name="values"/>.</summary>
    public static async Task<IReadOnlyList<CaseResult>> RunRowsAsync(LoadedPack pack, IEnumerable<StatusRow> rows, IReadOnlyDictionary<string, string> values)
    {
        using var run = new ConformanceRun(new ContractSet([pack]), new SettingsSource(values.GetValueOrDefault, _ => null), null);
        return await Task.WhenAll(rows.Select(r => run.Runner.RunAsync(r, CancellationToken.None)));
    }

    public static CaseResult Case(IEnumerable<CaseResult> results, string name) => results.Single(r => r.CaseName == name);
}
