using System.Collections.Concurrent;
using Conformance.Checks;
using Conformance.Contracts;
using Conformance.Engine;
using Conformance.ReferenceApi;
using Conformance.Reporting;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Detection;

/// <summary>
/// Runs one shipped pack against the reference API with one fault planted (or none), once per pair, and reports
/// which checks caught something. Results are cached so the matrix and the per-fault tests share one run.
/// </summary>
internal static class FaultRunner
{
    public const string Timeout = "timeout (broken)";
    private static readonly ConcurrentDictionary<(string Fault, string Pack), Lazy<Task<FaultOutcome>>> Cache = new();

    public static ContractSet Contracts { get; } = PackLoader.LoadAll(Path.Combine(RepoPaths.Root(), "contracts"), RepoPaths.Root());

    public static Task<FaultOutcome> RunAsync(string fault, string pack) =>
        Cache.GetOrAdd((fault, pack), key => new Lazy<Task<FaultOutcome>>(() => RunOnceAsync(key.Fault, key.Pack))).Value;

    private static async Task<FaultOutcome> RunOnceAsync(string fault, string packName)
    {
        var faults = fault.Length == 0 ? new HashSet<string>() : new HashSet<string> { fault };
        await using var server = await ReferenceServer.StartAsync(new ReferenceOptions { Faults = faults, SlowDelay = TimeSpan.FromSeconds(2) });
        var pack = Contracts.Find(packName)!;
        // Only the slow-response run uses a short timeout, so load on the machine cannot add timeouts elsewhere.
        var timeout = fault == Faults.SlowResponse ? "0.5" : "10";
        // Default retries stay on: a row that meets the limit a rate_limit burst just provoked is retried after
        // Retry-After, as in a real run, so the matrix does not depend on which row ran first.
        var settings = new Dictionary<string, string> { ["conformance.timeoutSeconds"] = timeout };
        using var run = new ConformanceRun(new ContractSet([pack]), new SettingsSource(settings.GetValueOrDefault, _ => null), server.BaseUriFor);
        var results = await Task.WhenAll(pack.Rows.Select(r => run.Runner.RunAsync(r, CancellationToken.None)));
        var caught = new SortedDictionary<string, List<CaseResult>>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            var ids = result.Failures.Select(c => c.CheckId).ToList();
            if (result.Verdict == Verdict.Broken && result.Message.Contains("(timeout)", StringComparison.Ordinal))
            {
                ids.Add(Timeout);
            }

            foreach (var id in ids)
            {
                (caught.TryGetValue(id, out var list) ? list : caught[id] = []).Add(result);
            }
        }

        return new FaultOutcome(fault, packName, results, caught);
    }
}

/// <summary>What one fault did to one pack: every case, and the cases each check caught.</summary>
internal sealed record FaultOutcome(string Fault, string Pack, IReadOnlyList<CaseResult> Results, IReadOnlyDictionary<string, List<CaseResult>> Caught)
{
    public string FirstMessage(string checkId) =>
        Caught[checkId][0].Checks.FirstOrDefault(c => c.CheckId == checkId && c.Outcome == Outcome.Failed)?.Message ?? Caught[checkId][0].Message;
}
