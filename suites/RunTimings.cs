using System.Globalization;
using Conformance.Reporting;

namespace Conformance.Suites;

/// <summary>
/// Opt-in timing summary for benchmarks: when <c>conformance.timings</c> (env CONFORMANCE_CONFORMANCE_TIMINGS) names a
/// file, the teardown writes the run's case count, first-probe and last-case times, and the time spent in HTTP.
/// </summary>
internal static class RunTimings
{
    private static double SetUpCpu;
    private static string SetUpThreads = string.Empty;

    /// <summary>Notes the CPU spent before the first case (discovery, pack loading, the reference API's start) when timings are asked for.</summary>
    public static void MarkSetUp(string? file)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return;
        }

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        SetUpCpu = process.TotalProcessorTime.TotalSeconds;
        SetUpThreads = ThreadCpu();
    }

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
        var counts = string.Join(", ", results.GroupBy(r => r.Verdict).OrderBy(g => g.Key).Select(g => $"\"{g.Key.ToString().ToLowerInvariant()}\": {g.Count()}"));
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var json = string.Create(
            CultureInfo.InvariantCulture,
            $$"""
            { "cases": {{results.Count}}, "probed": {{probed.Count}}, "verdicts": { {{counts}} },
              "processStartUnixMs": {{new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds()}},
              "firstProbeUnixMs": {{first.ToUnixTimeMilliseconds()}}, "lastCaseEndUnixMs": {{last.ToUnixTimeMilliseconds()}},
              "httpSeconds": {{http:0.000}}, "caseSeconds": {{results.Sum(r => r.Duration.TotalSeconds):0.000}},
              "peakWorkingSetBytes": {{process.PeakWorkingSet64}}, "cpuSeconds": {{process.TotalProcessorTime.TotalSeconds:0.000}},
              "threadCpuSeconds": { {{ThreadCpu()}} },
              "setUpCpuSeconds": {{SetUpCpu:0.000}}, "threadCpuSecondsAtSetUp": { {{SetUpThreads}} } }
            """);
        File.WriteAllText(file, json);
    }

    /// <summary>CPU seconds per thread name (Linux /proc), e.g. NUnit workers, the event pump, the thread pool, GC.</summary>
    private static string ThreadCpu()
    {
        const string Tasks = "/proc/self/task";
        if (!Directory.Exists(Tasks))
        {
            return string.Empty;
        }

        var ticks = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var task in Directory.EnumerateDirectories(Tasks))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                var name = System.Text.RegularExpressions.Regex.Replace(stat[(open + 1)..close], "[0-9#]+$", string.Empty).Trim();
                var fields = stat[(close + 2)..].Split(' ');
                ticks[name] = ticks.GetValueOrDefault(name) + long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // the thread ended while we looked
            }
        }

        return string.Join(", ", ticks.OrderByDescending(t => t.Value).Select(t => string.Create(CultureInfo.InvariantCulture, $"\"{t.Key}\": {t.Value / 100.0:0.00}")));
    }
}
