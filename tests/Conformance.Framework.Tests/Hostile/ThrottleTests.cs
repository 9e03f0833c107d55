using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Reporting;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Hostile;

/// <summary>A target that answers 429 (Retry-After: 0) to every other request causes no spurious failure.</summary>
public sealed class ThrottleTests
{
    [Test]
    public async Task RunAsync_EveryOtherRequestThrottled_AllPassWithTheThrottledResponseKept()
    {
        var count = 0;
        await using var server = HostileServer.Start(x => Interlocked.Increment(ref count) % 2 == 1
            ? x.RespondAsync(429, "Too Many Requests", "application/json", """{"code":"LIMIT"}""", "Retry-After: 0")
            : x.RespondAsync(200, "OK", "application/json", HostileRoutes.Thing));
        var pack = PackLoader.Load(Path.Combine(HostileRun.PacksFolder, "throttled"), AppContext.BaseDirectory);
        var values = new Dictionary<string, string> { ["throttled.baseUrl"] = server.BaseUri.ToString() };
        using var run = new ConformanceRun(new ContractSet([pack]), new SettingsSource(values.GetValueOrDefault, _ => null), null);
        var results = new List<CaseResult>();
        foreach (var row in pack.Rows)
        {
            results.Add(await run.Runner.RunAsync(row, CancellationToken.None));
        }

        Assert.That(results.Where(r => r.Verdict != Verdict.Passed).Select(r => r.Message), Is.Empty);
        Assert.That(results.Select(r => r.Retried.Single().Response!.Status), Is.All.EqualTo(429));
        Assert.That(results.Select(r => r.Message), Is.All.Contains("RETRIED after 429 Too Many Requests (Retry-After: 0) (the first answer is kept here; the verdict is on the retry)"));
        Assert.That(server.Requests, Is.EqualTo(2 * pack.Rows.Count));
    }
}
