using System.Net.Sockets;
using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// When a final 429/503 is <c>Inconclusive: still 503 after N bounded retries</c> and when it is judged: only the
/// attempts answered 429/503 are bounded retries (docs/hostile.md). A transport retry (<c>conformance.transportRetries</c>)
/// is none of them, so with <c>conformance.maxRetries=0</c> a GET reset once and then answered 503 is judged by the
/// checks, as the same 503 is without the reset; with a bound above zero the 503 is retried and then inconclusive.
/// </summary>
public sealed class RetryInconclusiveTests
{
    private const string Mismatch = "FAILED status_code_conformance: Status code mismatch / Expected: 200 (OK) / Received: 503 (Service Unavailable)";
    private const string ServerError = "FAILED not_a_server_error: Server error / Received: 503 (Service Unavailable) / Expected: 200: the request was answered with a server fault where the documentation promises a success";

    [Test]
    public async Task RunAsync_NoRetriesTransportRetryThen503_JudgedByTheChecksAsWithoutTheReset()
    {
        var (result, requests, waits) = await RunAsync(maxRetries: "0", reset: true);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Failed), result.Message);
            Assert.That(requests, Is.EqualTo(2), "the reset GET is sent again; the 503 is not, maxRetries=0");
            Assert.That(waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(1) }), "only the transport retry's wait");
            Assert.That(Flagged(result.Message), Is.EqualTo(new[]
            {
                Mismatch, ServerError,
                $"RETRIED after reset: {result.Retried.Single().Failure!.Message} (the first answer is kept here; the verdict is on the retry)",
            }));
        });
    }

    [Test]
    public async Task RunAsync_NoRetriesNoReset503_JudgedByTheChecks()
    {
        var (result, requests, _) = await RunAsync(maxRetries: "0", reset: false);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Failed), result.Message);
            Assert.That(requests, Is.EqualTo(1));
            Assert.That(Flagged(result.Message), Is.EqualTo(new[] { Mismatch, ServerError }));
        });
    }

    [Test]
    public async Task RunAsync_OneRetryTransportRetryThen503_InconclusiveCountingOnlyThe503Retry()
    {
        var (result, requests, waits) = await RunAsync(maxRetries: "1", reset: true);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(result.Message, Does.StartWith("Inconclusive: still 503 after 1 bounded retry; the target is throttling or unavailable" + Environment.NewLine + "Reproduce: curl -i -X GET '"));
            Assert.That(requests, Is.EqualTo(3));
            Assert.That(waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(1) }), "1 s after the reset; the 503's Retry-After: 0 waits no time");
        });
    }

    private static string[] Flagged(string message) =>
        [.. message.Split(Environment.NewLine).Where(l => l.StartsWith("FAILED", StringComparison.Ordinal) || l.StartsWith("RETRIED", StringComparison.Ordinal))];

    /// <summary>The demo's get_thing valid row with transportRetries=1 against a server that resets the first connection when asked, then answers 503.</summary>
    private static async Task<(CaseResult Result, int Requests, TimeSpan[] Waits)> RunAsync(string maxRetries, bool reset)
    {
        var requests = 0;
        await using var server = HostileServer.Start(x =>
        {
            if (Interlocked.Increment(ref requests) == 1 && reset)
            {
                x.Socket.LingerState = new LingerOption(true, 0);
                x.Socket.Close();
                return Task.CompletedTask;
            }

            return x.RespondAsync(503, "Service Unavailable", "application/json", """{"code":"UNAVAILABLE","message":"later"}""", "Retry-After: 0");
        });
        var values = new Dictionary<string, string>
        {
            ["demo.baseUrl"] = server.BaseUri.ToString(), ["demo.token"] = "tok-t",
            ["conformance.maxRetries"] = maxRetries, ["conformance.transportRetries"] = "1",
        };
        var time = new InstantTime();
        using var run = new ConformanceRun(new ContractSet([EngineHarness.Demo]), new SettingsSource(values.GetValueOrDefault, _ => null), null) { Time = time };
        var row = EngineHarness.Demo.Rows.Single(r => r.CaseName == "demo / get_thing / valid -> 200");
        var result = await run.Runner.RunAsync(row, CancellationToken.None);
        return (result, Volatile.Read(ref requests), [.. time.Waits]);
    }
}
