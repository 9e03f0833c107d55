using System.Collections.Concurrent;
using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Pact.States;
using Conformance.Pact.Tests.Export;
using Conformance.Pact.Tests.Providers;
using Conformance.Reporting;
using Conformance.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests.States;

/// <summary>
/// The API's circuit breaker (conformance.circuitBreaker) counts a provider state's setup as it counts a row's: a setup
/// still answered 503 counts, a setup that passed starts the count again, and once open a setup is not sent, nor the
/// API's rows. Setups of the notes pack (create_note, a POST) against a loopback notes API answering the planned statuses.
/// </summary>
[NonParallelizable]
public sealed class SetupStatesBreakerTests
{
    private const string State = "setup create_note (captures deletable_note_id; cleanup delete_note)";
    private const string Curl = "Reproduce: curl -i -X POST 'http://127.0.0.1:PORT/v1/notes' -H 'Accept: application/json' -H 'Authorization: ***' -H 'Content-Type: application/json' --data-raw '{\"customer_id\":1001,\"body\":\"This is a test note.\"}'";
    private readonly ConcurrentQueue<string> received = new();
    private readonly ConcurrentQueue<int> planned = new();
    private LoopbackApp target = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => target = await LoopbackApp.StartAsync(web =>
    {
        web.MapPost("/v1/notes", () =>
        {
            var status = planned.TryDequeue(out var plan) ? plan : 503;
            received.Enqueue($"POST /v1/notes -> {status}");
            return status == 201 ? Results.Json(new { ok = true, id = 70001 }, statusCode: 201) : Results.Json(new { error = "busy" }, statusCode: status);
        });
        web.MapFallback((HttpRequest request) =>
        {
            received.Enqueue($"{request.Method} {request.Path}");
            return Results.Json(new { error = "busy" }, statusCode: 503);
        });
    });

    [OneTimeTearDown]
    public async Task StopAsync() => await target.DisposeAsync();

    [SetUp]
    public void Forget()
    {
        received.Clear();
        planned.Clear();
    }

    [Test]
    public async Task ChangeAsync_ThreeSetupsStill503_BreakerOpensForTheNextSetupAndTheRows()
    {
        using var run = Run();
        await using var states = new SetupStates(ExportedPacks.Contracts.Find("notes")!.Pack!, run.Clients["notes"], run.Redactor) { Run = run };

        for (var i = 0; i < 3; i++)
        {
            await states.ChangeAsync(new ProviderStateChange(State, [], Setup: true), CancellationToken.None);
        }

        var fourth = await states.ChangeAsync(new ProviderStateChange(State, [], Setup: true), CancellationToken.None);
        var row = await run.Runner.RunAsync(ExportedPacks.Contracts.Find("notes")!.Rows.First(r => r.OperationId == "get_customer" && r.ScenarioId == "valid"), CancellationToken.None);

        var breaker = $"The last 3 cases of notes ended 503 Service Unavailable (provider state '{State}', provider state '{State}', provider state '{State}'); conformance.circuitBreaker=3 stops sending to an API once that many of its cases in a row end throttled or unavailable (429, 502, 503 or 504 after their retries) or unreachable, and no request was sent";
        Assert.Multiple(() =>
        {
            Assert.That(Ported(fourth.Failure), Is.EqualTo(string.Join(Environment.NewLine,
                $"Provider state '{State}': Not sent (breaker): {breaker}: not this case's setup (create_note), nor its probe. Rerun later, or raise it (0 turns it off).",
                Curl)));
            Assert.That(row.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(row.Message, Does.StartWith($"Not sent (breaker): {breaker}. Rerun later, or raise it (0 turns it off)."));
            Assert.That(received.ToList(), Is.EqualTo(Enumerable.Repeat("POST /v1/notes -> 503", 3).ToList()), "the three setups; not the fourth, nor the row's probe");
        });
    }

    [Test]
    public async Task ChangeAsync_SetupPassesBetweenFailures_CountStartsAgain()
    {
        using var run = Run();
        await using var states = new SetupStates(ExportedPacks.Contracts.Find("notes")!.Pack!, run.Clients["notes"], run.Redactor) { Run = run };
        foreach (var status in new[] { 503, 503, 201, 503, 503 })
        {
            planned.Enqueue(status);
        }

        var results = new List<ProviderStateResult>();
        for (var i = 0; i < 6; i++)
        {
            results.Add(await states.ChangeAsync(new ProviderStateChange(State, [], Setup: true), CancellationToken.None));
        }

        Assert.Multiple(() =>
        {
            Assert.That(received, Has.Count.EqualTo(6), "the 201 started the count again: the sixth setup is the third failure in a row");
            Assert.That(results.Select(r => r.Failure is null).ToList(), Is.EqualTo(new[] { false, false, true, false, false, false }));
        });
    }

    [Test]
    public async Task ChangeAsync_WithoutRun_NoBreaker()
    {
        using var run = Run();
        await using var states = new SetupStates(ExportedPacks.Contracts.Find("notes")!.Pack!, run.Clients["notes"], run.Redactor);

        for (var i = 0; i < 4; i++)
        {
            await states.ChangeAsync(new ProviderStateChange(State, [], Setup: true), CancellationToken.None);
        }

        Assert.That(received, Has.Count.EqualTo(4 * 3), "each setup sent 1 + 2 times (RunSettings.Default), none held back");
    }

    private static string Ported(string? message) => System.Text.RegularExpressions.Regex.Replace(message ?? "(none)", @"127\.0\.0\.1:[0-9]+", "127.0.0.1:PORT");

    /// <summary>A run whose notes target is the loopback API, nothing sent again (conformance.maxRetries=0), the breaker at 3.</summary>
    private ConformanceRun Run() =>
        new(new ContractSet([ExportedPacks.Contracts.Find("notes")!]), new SettingsSource(k => k == "conformance.maxRetries" ? "0" : null, _ => null), _ => target.BaseUri);
}
