using System.Net.Sockets;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// <c>conformance.transportRetries</c>: a GET whose first connection is reset is sent again and judged on the answer,
/// with the failed attempt reported; without the setting it stays broken; a POST is never repeated.
/// </summary>
public sealed class TransportRetryTests
{
    private const string Thing = """{"id":"1","name":"widget"}""";

    [Test]
    public async Task RunAsync_ResetOnceWithOneRetry_PassesAndReportsTheFailedAttempt()
    {
        var (result, requests) = await RunAsync("demo / get_thing / valid -> 200", "1");

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
            Assert.That(requests, Is.EqualTo(2));
            Assert.That(result.Retried.Select(s => s.Failure?.Kind), Is.EqualTo(new[] { "reset" }));
        });
    }

    [Test]
    public async Task RunAsync_ResetOnceWithoutRetries_BrokenAfterOneRequest()
    {
        var (result, requests) = await RunAsync("demo / get_thing / valid -> 200", null);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(result.Message, Does.StartWith("Target unreachable (reset)"));
            Assert.That(requests, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task RunAsync_ResetEveryTimeWithOneRetry_BrokenMessageSaysItWasSentTwice()
    {
        await using var server = HostileServer.Start(x =>
        {
            x.Socket.LingerState = new LingerOption(true, 0);
            x.Socket.Close();
            return Task.CompletedTask;
        });
        var row = EngineHarness.Demo.Rows.Single(r => r.CaseName == "demo / get_thing / valid -> 200");
        var values = new Dictionary<string, string> { ["demo.baseUrl"] = server.BaseUri.ToString(), ["demo.token"] = "tok-t", ["conformance.transportRetries"] = "1" };

        var result = (await EngineHarness.RunRowsAsync(EngineHarness.Demo, [row], values)).Single();

        var reset = result.Retried.Single().Failure!.Message;
        Assert.That(result.Message.Split(Environment.NewLine), Is.EqualTo(new[]
        {
            $"Target unreachable (reset): {reset}",
            $"RETRIED after reset: {reset} (that attempt is kept in the report; the first line is the last attempt's)",
            $"Reproduce: curl -i -X GET '{server.BaseUri}things/1' -H 'Accept: application/json' -H 'Authorization: ***'",
        }));
    }

    [Test]
    public async Task RunAsync_PostReset_NeverRepeated()
    {
        var (result, requests) = await RunAsync("demo / create_thing / valid -> 201", "3");

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(requests, Is.EqualTo(1), "a request that may change state is not sent twice");
            Assert.That(result.Retried, Is.Empty);
        });
    }

    [Test]
    public async Task RunAsync_GetMarkedMutatesReset_NeverRepeated()
    {
        var demo = EngineHarness.Demo;
        var operations = demo.Pack!.Operations.ToDictionary(kv => kv.Key, kv => kv.Key == "get_thing" ? kv.Value with { Mutates = true } : kv.Value, StringComparer.Ordinal);
        var marked = demo with { Pack = demo.Pack with { Operations = operations } };

        var (result, requests) = await RunAsync("demo / get_thing / valid -> 200", "3", marked);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(requests, Is.EqualTo(1), "mutates: true says the GET may change state");
        });
    }

    [Test]
    public async Task RunAsync_RedirectAfterPostThenGetReset_ThePostIsNotSentAgain()
    {
        var requests = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var server = HostileServer.Start(x =>
        {
            requests.Enqueue(x.Request.Method);
            if (x.Request.Method == "POST")
            {
                return x.RespondAsync(303, "See Other", "application/json", "{}", "Location: /things/1");
            }

            x.Socket.LingerState = new LingerOption(true, 0);
            x.Socket.Close();
            return Task.CompletedTask;
        });
        var row = EngineHarness.Demo.Rows.First(r => r.OperationId == "create_thing") with { ScenarioId = "follow_redirect", With = new Dictionary<string, System.Text.Json.Nodes.JsonNode?>() };
        var values = new Dictionary<string, string> { ["demo.baseUrl"] = server.BaseUri.ToString(), ["demo.token"] = "tok-t", ["demo.allowMutation"] = "true", ["conformance.transportRetries"] = "3" };

        var result = (await EngineHarness.RunRowsAsync(EngineHarness.Demo, [row], values)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken), result.Message);
            Assert.That(requests, Is.EqualTo(new[] { "POST", "GET" }), "retrying the exchange would send the POST again");
        });
    }

    [Test]
    public async Task RunAsync_TransportRetriesNotANumber_EveryCaseBroken()
    {
        await using var server = HostileServer.Start(x => x.RespondAsync(200, "OK", "application/json", Thing));

        var results = await EngineHarness.RunAsync(server.BaseUri, new Dictionary<string, string> { ["conformance.transportRetries"] = "twice" });

        Assert.That(results[0].Message, Does.Contain("runsettings:conformance.transportRetries(1,1): error CT0303: 'twice' is not a non-negative number"));
    }

    /// <summary>Runs one demo row against a server that resets the first connection and then answers.</summary>
    private static async Task<(CaseResult Result, int Requests)> RunAsync(string caseName, string? retries, Conformance.Contracts.LoadedPack? pack = null)
    {
        pack ??= EngineHarness.Demo;
        var requests = 0;
        await using var server = HostileServer.Start(async x =>
        {
            if (Interlocked.Increment(ref requests) == 1)
            {
                x.Socket.LingerState = new LingerOption(true, 0);
                x.Socket.Close();
                return;
            }

            await x.RespondAsync(x.Request.Method == "POST" ? 201 : 200, "OK", "application/json", Thing, "Location: /things/1");
        });
        var settings = new Dictionary<string, string>();
        if (retries is not null)
        {
            settings["conformance.transportRetries"] = retries;
        }

        var row = pack.Rows.Single(r => r.CaseName == caseName);
        var values = new Dictionary<string, string>(settings) { ["demo.baseUrl"] = server.BaseUri.ToString(), ["demo.token"] = "tok-t", ["demo.allowMutation"] = "true" };
        var result = (await EngineHarness.RunRowsAsync(pack, [row], values)).Single();
        return (result, Volatile.Read(ref requests));
    }
}
