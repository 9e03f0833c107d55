using System.Diagnostics;
using System.Globalization;
using NUnit.Framework;

[assembly: Parallelizable(ParallelScope.Children)]
[assembly: LevelOfParallelism(8)]

namespace Conformance.Bench.Platform;

/// <summary>
/// BENCH_PLATFORM_ROWS cases named and categorised like the suites' rows (<c>api / operation / scenario -> status</c>,
/// made unique with the row id), each empty. The teardown writes BENCH_PLATFORM_TIMINGS: the case count, the first
/// case's start, the last case's end, the testhost's CPU and its start.
/// </summary>
[TestFixture]
public sealed class PlatformCases
{
    private static readonly (string Operation, string Scenario, int Status)[] Templates =
    [
        ("get_extension", "valid", 200), ("get_extension", "no_auth", 401), ("get_extension", "unknown_id", 404),
        ("get_extension", "wrong_method", 405), ("get_contact", "valid", 200), ("get_contact", "no_auth", 401),
        ("get_contact", "unknown_id", 404), ("get_contact", "wrong_method", 405), ("send_sms", "valid", 200),
        ("send_sms", "no_auth", 401), ("send_sms", "missing_field", 400), ("send_sms", "missing_field", 400),
        ("send_sms", "wrong_method", 405), ("update_extension", "valid", 200), ("update_extension", "no_auth", 401),
    ];

    private static long first;
    private static long last;

    public static IEnumerable<TestCaseData> Cases()
    {
        var rows = int.Parse(Environment.GetEnvironmentVariable("BENCH_PLATFORM_ROWS") ?? "0", CultureInfo.InvariantCulture);
        for (var i = 0; i < rows; i++)
        {
            var (operation, scenario, status) = Templates[i % Templates.Length];
            var id = string.Create(CultureInfo.InvariantCulture, $"bench-{i + 1:00000}");
            var name = string.Create(CultureInfo.InvariantCulture, $"ringcentral / {operation} / {scenario} -> {status}");
            yield return new TestCaseData(id).SetName(i < Templates.Length && i != 11 ? name : $"{name} [{id}]")
                .SetCategory("ringcentral").SetCategory(scenario).SetCategory($"{status / 100}xx")
                .SetCategory("status_code_conformance").SetCategory("body_value_conformance")
                .SetProperty("Location", string.Create(CultureInfo.InvariantCulture, $"contracts/ringcentral/tables/bench.yaml({i + 2},3)"));
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Row(string id)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.CompareExchange(ref first, now, 0);
        InterlockedMax(ref last, now);
        Assert.That(id, Does.StartWith("bench-"));
    }

    [OneTimeTearDown]
    public static void WriteTimings()
    {
        if (Environment.GetEnvironmentVariable("BENCH_PLATFORM_TIMINGS") is not { Length: > 0 } file || first == 0)
        {
            return;
        }

        using var process = Process.GetCurrentProcess();
        var startMs = new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds();
        var nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var ticksToMs = 1000.0 / Stopwatch.Frequency;
        var firstMs = nowMs - (long)((Stopwatch.GetTimestamp() - first) * ticksToMs);
        var lastMs = nowMs - (long)((Stopwatch.GetTimestamp() - last) * ticksToMs);
        File.WriteAllText(file, string.Create(CultureInfo.InvariantCulture, $$"""
            { "cases": {{Environment.GetEnvironmentVariable("BENCH_PLATFORM_ROWS")}}, "processStartUnixMs": {{startMs}}, "firstCaseUnixMs": {{firstMs}}, "lastCaseEndUnixMs": {{lastMs}}, "cpuSeconds": {{process.TotalProcessorTime.TotalSeconds:0.000}} }
            """));
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while ((seen = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
