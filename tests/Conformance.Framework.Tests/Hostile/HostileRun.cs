using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Reporting;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Hostile;

/// <summary>
/// Runs the hostile packs in one <see cref="ConformanceRun"/>: <c>hostile</c> against a <see cref="HostileServer"/>
/// and <c>closed</c> against a port where nothing listens. Shared by the tests and bench/hostile.
/// </summary>
internal static class HostileRun
{
    public const int TimeoutSeconds = 2;
    public const int MaxBodyBytes = 256 * 1024;

    public static string PacksFolder => Path.Combine(AppContext.BaseDirectory, "Hostile", "Packs");

    public static async Task<IReadOnlyList<CaseResult>> RunAsync(Uri hostileBase)
    {
        using var closed = new ClosedPort();
        var packs = new[] { "hostile", "closed" }.Select(p => PackLoader.Load(Path.Combine(PacksFolder, p), AppContext.BaseDirectory)).ToList();
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["hostile.baseUrl"] = hostileBase.ToString(),
            ["closed.baseUrl"] = $"http://127.0.0.1:{closed.Port}/",
            ["conformance.timeoutSeconds"] = TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["conformance.maxBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["hostile.allowMutation"] = "true", // the POST and DELETE routes, and the setup before one
            ["conformance.circuitBreaker"] = "0", // each fault is its own case: 3 unreachable ones in a row must not stop the rest
        };
        using var run = new ConformanceRun(new ContractSet(packs), new SettingsSource(values.GetValueOrDefault, _ => null), null);
        return await Task.WhenAll(packs.SelectMany(p => p.Rows).Select(r => run.Runner.RunAsync(r, CancellationToken.None)));
    }
}
