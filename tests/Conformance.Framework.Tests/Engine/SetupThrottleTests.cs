using System.Collections.Concurrent;
using Conformance.Contracts;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// A <c>setup:</c> answered 429 or 503 (the target still throttling after a <c>rate_limit</c> row's burst, found by the
/// contract-author audit with a tickets pack) is sent again after its Retry-After within the bounded retries, as the
/// probe is: it was broken at once, so a delete row run after a rate_limit row failed for the burst, not the API.
/// </summary>
public sealed class SetupThrottleTests
{
    private static readonly LoadedPack Pack = PackLoader.Load(Path.Combine(AppContext.BaseDirectory, "Packs", "setup"), AppContext.BaseDirectory);

    [Test]
    public async Task RunAsync_SetupAnsweredOnce429_SentAgainAfterRetryAfterAndTheProbeRuns()
    {
        var (result, seen, _) = await RunAsync(throttled: 1);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
            Assert.That(seen, Is.EqualTo(new[] { "POST /notes", "POST /notes", "DELETE /notes/501" }));
            Assert.That(result.Retried.Select(s => (s.Label, s.Response!.Status)), Is.EqualTo(new[] { ((string?)"Setup (create_note)", 429) }));
            Assert.That(result.Exchange!.Earlier[0].Response!.Status, Is.EqualTo(201), "the probe's setup step is the one that succeeded");
        });
    }

    [Test]
    public async Task RunAsync_SetupStill429AfterTheBoundedRetries_BrokenSayingSoAndNoProbeSent()
    {
        var (result, seen, target) = await RunAsync(throttled: 5);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(result.Message, Is.EqualTo(
                "Setup failed, no probe was sent: create_note answered 429 Too Many Requests, expected a 2xx, still after 2 bounded retries (conformance.maxRetries); the target is throttling or unavailable" + Environment.NewLine +
                """Body: {"error":"slow down"}""" + Environment.NewLine +
                $"Reproduce: curl -i -X POST '{target}notes' -H 'Content-Type: application/json' --data-raw '{{\"text\":\"fresh\"}}'"));
            Assert.That(seen, Is.EqualTo(new[] { "POST /notes", "POST /notes", "POST /notes" }));
            Assert.That(result.Retried, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task RunAsync_SetupRetryAfterLongerThanTheRunWaits_BrokenAtOnce()
    {
        var (result, seen, _) = await RunAsync(throttled: 5, retryAfter: "120");

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(result.Message, Does.StartWith("Setup failed, no probe was sent: create_note answered 429 Too Many Requests, expected a 2xx" + Environment.NewLine));
            Assert.That(seen, Is.EqualTo(new[] { "POST /notes" }), "sent again before the target allows, it would be answered 429 again");
        });
    }

    private static async Task<(CaseResult Result, IReadOnlyList<string> Seen, string Base)> RunAsync(int throttled, string retryAfter = "0")
    {
        var seen = new ConcurrentQueue<string>();
        var posts = 0;
        await using var server = HostileServer.Start(x =>
        {
            seen.Enqueue($"{x.Request.Method} {x.Request.Path}");
            if (x.Request.Method != "POST")
            {
                return x.RespondAsync(200, "OK", "application/json", $$"""{"id":{{x.Request.Path.Split('/')[^1]}}}""");
            }

            return Interlocked.Increment(ref posts) <= throttled
                ? x.RespondAsync(429, "Too Many Requests", "application/json", """{"error":"slow down"}""", $"Retry-After: {retryAfter}")
                : x.RespondAsync(201, "Created", "application/json", """{"id":501}""");
        });
        var target = server.BaseUri.ToString();
        var settings = new Dictionary<string, string> { ["setup.baseUrl"] = target, ["setup.allowMutation"] = "true" };
        var row = Pack.Rows.Single(r => r.OperationId == "delete_note" && r.ScenarioId == "valid");
        return ((await EngineHarness.RunRowsAsync(Pack, [row], settings)).Single(), [.. seen], target);
    }
}
