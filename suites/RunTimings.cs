using System.Globalization;
using Conformance.Reporting;

namespace Conformance.Suites;

/// <summary>
/// Opt-in timing summary for benchmarks: when <c>conformance.timings</c> (env CONFORMANCE_CONFORMANCE_TIMINGS) names a
/// file, the teardown writes the run's case count, first-probe and last-case times, and the time spent in HTTP.
/// </summary>
internal static class RunTimings
{
    public static void Write(string? file, IReadOnlyCollection<CaseResult> results)
    {
        if (string.IsNullOrWhiteSpace(file) || results.Count == 0)
        {
            return;
        }

        var probed = results.Where(r => r.Exchange is not null).ToList();
        var steps = probed.SelectMany(r => r.Exchange!.Earlier.Append(r.Exchange.Final).Concat(r.Retried));
        var http = steps.Sum(s => s.Response?.Elapsed.TotalSeconds ?? 0);
        var first = results.Min(r => r.Started);
        var last = results.Max(r => r.Started + r.Duration);
        var counts = string.Join(", ", results.GroupBy(r => r.Verdict).Order().Select(g => $"\"{g.Key.ToString().ToLowerInvariant()}\": {g.Count()}"));
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var json = string.Create(
            CultureInfo.InvariantCulture,
            $$"""
            { "cases": {{results.Count}}, "probed": {{probed.Count}}, "verdicts": { {{counts}} },
              "processStartUnixMs": {{new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds()}},
              "firstProbeUnixMs": {{first.ToUnixTimeMilliseconds()}}, "lastCaseEndUnixMs": {{last.ToUnixTimeMilliseconds()}},
              "httpSeconds": {{http:0.000}}, "caseSeconds": {{results.Sum(r => r.Duration.TotalSeconds):0.000}},
              "peakWorkingSetBytes": {{process.PeakWorkingSet64}} }
            """);
        File.WriteAllText(file, json);
    }
}
