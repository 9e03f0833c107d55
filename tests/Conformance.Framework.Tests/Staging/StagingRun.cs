using System.Globalization;
using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Reporting;
using Conformance.Tables;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Staging;

/// <summary>
/// Runs rows of Staging/Packs/staging (and of any other pack) in one <see cref="ConformanceRun"/> with the settings of
/// runsettings/staging.runsettings: allowed hosts, a request budget, 2 bounded retries of at most 10 s, one transport
/// retry, mutation off, 5 requests a second and 2 at a time per API.
/// </summary>
internal static class StagingRun
{
    public static LoadedPack Pack { get; } = PackLoader.Load(Path.Combine(AppContext.BaseDirectory, "Staging", "Packs", "staging"), AppContext.BaseDirectory);

    /// <summary>The staging template's settings with the staging pack pointed at <paramref name="gateway"/> and its token set.</summary>
    public static Dictionary<string, string> Settings(StagingGateway gateway) => new(StringComparer.Ordinal)
    {
        ["conformance.allowedHosts"] = "127.0.0.1",
        ["conformance.timeoutSeconds"] = "5",
        ["conformance.requestBudget"] = "5000",
        ["conformance.maxRetries"] = "2",
        ["conformance.maxRetryWaitSeconds"] = "10",
        ["conformance.transportRetries"] = "1",
        ["staging.baseUrl"] = gateway.BaseUri.ToString(),
        ["staging.token"] = "staging-token-0001",
        ["staging.allowMutation"] = "false",
        ["staging.requestsPerSecond"] = "5",
        ["staging.concurrency"] = "2",
    };

    /// <summary>The staging pack under another name (its rows with it): a second API on the same gateway.</summary>
    public static LoadedPack Named(string name) =>
        Pack with { Name = name, Pack = Pack.Pack! with { Name = name }, Rows = [.. Pack.Rows.Select(r => r with { Api = name })] };

    /// <summary>The staging pack's rows of the operations named, in table order.</summary>
    public static List<StatusRow> Rows(params string[] operations) => [.. Pack.Rows.Where(r => operations.Contains(r.OperationId))];

    /// <summary>The staging pack's <c>valid</c> row of <paramref name="operation"/>.</summary>
    public static StatusRow Valid(string operation) => Pack.Rows.Single(r => r.OperationId == operation && r.ScenarioId == "valid");

    /// <summary><paramref name="row"/> <paramref name="count"/> times, each its own case.</summary>
    public static List<StatusRow> Times(StatusRow row, int count) =>
        [.. Enumerable.Range(1, count).Select(i => row with { Id = $"{row.Id}-{i.ToString(CultureInfo.InvariantCulture)}" })];

    /// <summary>Runs each batch's rows at once, one batch after the other, in one run over <paramref name="packs"/>.</summary>
    public static async Task<List<CaseResult>> RunAsync(IReadOnlyList<LoadedPack> packs, IReadOnlyDictionary<string, string> values, TimeProvider time, params IReadOnlyList<StatusRow>[] batches)
    {
        using var run = new ConformanceRun(new ContractSet(packs), new SettingsSource(values.GetValueOrDefault, _ => null), null) { Time = time };
        var results = new List<CaseResult>();
        foreach (var batch in batches)
        {
            results.AddRange(await Task.WhenAll(batch.Select(r => run.Runner.RunAsync(r, CancellationToken.None))));
        }

        return results;
    }

    /// <summary>
    /// Runs <paramref name="rows"/> as the suites do, <paramref name="workers"/> at a time (NUnit's LevelOfParallelism): each
    /// worker takes the next row when its case is done. The results are in the rows' order.
    /// </summary>
    public static async Task<List<CaseResult>> RunPooledAsync(IReadOnlyList<LoadedPack> packs, IReadOnlyDictionary<string, string> values, TimeProvider time, int workers, IReadOnlyList<StatusRow> rows)
    {
        using var run = new ConformanceRun(new ContractSet(packs), new SettingsSource(values.GetValueOrDefault, _ => null), null) { Time = time };
        var results = new CaseResult[rows.Count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < rows.Count; i = Interlocked.Increment(ref next))
            {
                results[i] = await run.Runner.RunAsync(rows[i], CancellationToken.None);
            }
        }));
        return [.. results];
    }

    /// <summary>The staging pack alone.</summary>
    public static Task<List<CaseResult>> RunAsync(IReadOnlyDictionary<string, string> values, TimeProvider time, params IReadOnlyList<StatusRow>[] batches) =>
        RunAsync([Pack], values, time, batches);

    /// <summary>The most requests that arrived within any <paramref name="window"/> seconds.</summary>
    public static int MostWithin(IReadOnlyList<double> arrivals, double window)
    {
        var sorted = arrivals.Order().ToList();
        return sorted.Select((t, i) => sorted.Skip(i).TakeWhile(u => u - t < window).Count()).DefaultIfEmpty(0).Max();
    }
}
