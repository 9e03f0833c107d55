using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Pact.States;
using Conformance.Pact.Tests.Export;
using Conformance.Pact.Tests.Providers;
using Conformance.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests.States;

/// <summary>
/// A provider state's setup answered 429, 502, 503 or 504 is sent again as a row's setup is (Engine/BoundedRetry:
/// conformance.maxRetries, the Retry-After capped by maxRetryWaitSeconds, a 502 or 504 only for a request that may be
/// repeated): the verifier with <see cref="SetupStates"/> over the exported notes pact's delete_note / valid interaction,
/// whose setup POSTs create_note, against a notes API that answers the planned statuses first, then 201.
/// </summary>
[NonParallelizable]
public sealed class SetupStatesRetryTests
{
    private const string Delete = "notes / delete_note / valid -> 200";
    private const string State = "setup create_note (captures deletable_note_id; cleanup delete_note)";
    private const string Curl = "Reproduce: curl -i -X POST 'http://127.0.0.1:PORT/v1/notes' -H 'Accept: application/json' -H 'Authorization: ***' -H 'Content-Type: application/json' --data-raw '{\"customer_id\":1001,\"body\":\"This is a test note.\"}'";
    private readonly ConcurrentQueue<(string Request, TimeSpan At)> received = new();
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> planned = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TempFolder folder = null!;
    private LoopbackApp target = null!;
    private string pact = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        folder = new TempFolder();
        var next = 70000;
        var notes = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        target = await LoopbackApp.StartAsync(web =>
        {
            web.MapPost("/v1/notes", (HttpResponse response) =>
            {
                if (planned.TryDequeue(out var plan))
                {
                    received.Enqueue(($"POST /v1/notes -> {plan.Status}", clock.Elapsed));
                    if (plan.RetryAfter is { } after)
                    {
                        response.Headers.RetryAfter = after;
                    }

                    return Results.Json(new { error = "busy" }, statusCode: plan.Status);
                }

                var id = Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture);
                notes[id] = true;
                received.Enqueue(($"POST /v1/notes -> 201 {id}", clock.Elapsed));
                return Results.Json(new { ok = true, id = int.Parse(id, CultureInfo.InvariantCulture) }, statusCode: 201);
            });
            web.MapDelete("/v1/notes/{id}", (string id) =>
            {
                received.Enqueue(($"DELETE /v1/notes/{id}", clock.Elapsed));
                return notes.TryRemove(id, out _) ? Results.Json(new { ok = true }) : Results.Json(new { error = "no such note" }, statusCode: 404);
            });
        });
        var export = ExportedPacks.Export("notes");
        pact = PactWriter.Write(export.Pact with { Interactions = [.. export.Pact.Interactions.Where(i => i.Description == Delete)] }, folder.Path);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await target.DisposeAsync();
        folder.Dispose();
    }

    [SetUp]
    public void Forget()
    {
        received.Clear();
        planned.Clear();
    }

    [TestCase(503, null, "503 Service Unavailable (Retry-After: none)")]
    [TestCase(429, "1", "429 Too Many Requests (Retry-After: 1)")]
    public async Task Verify_SetupAnsweredTransientOnceThen201_InteractionPassesAfterOneWait(int status, string? retryAfter, string first)
    {
        using var run = Run();
        await using var states = new SetupStates(ExportedPacks.Contracts.Find("notes")!.Pack!, run.Clients["notes"], run.Redactor);
        planned.Enqueue((status, retryAfter));

        var result = PactVerifier.Verify(new PactVerifierOptions("notes", target.BaseUri) { StateHandler = states, RequestTimeout = run.Settings.Timeout }, PactSource.Files([pact]));

        var interaction = result.Interactions.Single();
        var sent = received.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(interaction.Passed, Is.True, interaction.Mismatch);
            Assert.That(sent.Select(r => r.Request).ToList(), Is.EqualTo(new[] { $"POST /v1/notes -> {status}", "POST /v1/notes -> 201 70001", "DELETE /v1/notes/70001", "DELETE /v1/notes/70001" }.Select(r => r.Replace("70001", Created(sent), StringComparison.Ordinal)).ToList()), "the setup twice, the interaction, the cleanup");
            Assert.That(sent.Count > 1 ? sent[1].At - sent[0].At : TimeSpan.Zero, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)), "one wait of 1 s");
            Assert.That(interaction.Notes, Is.EqualTo(new[] { $"RETRIED setup (create_note) after {first}" }), "said as a row's message says it");
        });
    }

    [Test]
    public async Task ChangeAsync_SetupAnswered503EveryTime_FailsStillAfterBoundedRetries()
    {
        using var run = Run();
        await using var states = new SetupStates(ExportedPacks.Contracts.Find("notes")!.Pack!, run.Clients["notes"], run.Redactor);
        Plan(503, 503, 503);

        var result = await states.ChangeAsync(new ProviderStateChange(State, [], Setup: true), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(Ported(result.Failure), Is.EqualTo(string.Join(Environment.NewLine,
                $"Provider state '{State}': Setup failed, no probe was sent: create_note answered 503 Service Unavailable, expected a 2xx, still after 2 bounded retries (conformance.maxRetries); the target is throttling or unavailable",
                "Body: {\"error\":\"busy\"}",
                Curl)));
            Assert.That(received.Select(r => r.Request).ToList(), Is.EqualTo(Enumerable.Repeat("POST /v1/notes -> 503", 3).ToList()), "1 + conformance.maxRetries");
        });
    }

    [TestCase(502, "502 Bad Gateway", "a gateway or proxy in front of the target answered, not the API: 502 Bad Gateway, it got no valid answer from the API behind it. Check that the API is up and that the gateway reaches it, then rerun")]
    [TestCase(504, "504 Gateway Timeout", "a gateway or proxy in front of the target answered, not the API: 504 Gateway Timeout, the API behind it did not answer the gateway in time. Check that the API is up and answers within the gateway's timeout, then rerun")]
    public async Task ChangeAsync_PostSetupAnsweredGatewayError_NotSentAgain(int status, string reason, string why)
    {
        using var run = Run();
        await using var states = new SetupStates(ExportedPacks.Contracts.Find("notes")!.Pack!, run.Clients["notes"], run.Redactor);
        Plan(status);

        var result = await states.ChangeAsync(new ProviderStateChange(State, [], Setup: true), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(Ported(result.Failure), Is.EqualTo(string.Join(Environment.NewLine,
                $"Provider state '{State}': Setup failed, no probe was sent: create_note answered {reason}, expected a 2xx, not sent again: a POST that may change state (the API behind the gateway may have acted on it); {why}",
                "Body: {\"error\":\"busy\"}",
                Curl)));
            Assert.That(received.Select(r => r.Request).ToList(), Is.EqualTo(new[] { $"POST /v1/notes -> {status}" }), "a POST the API may have acted on is sent once");
        });
    }

    [Test]
    public async Task ChangeAsync_SetupAnswered503Then500_FailsWithTheRetriedLineBeforeReproduce()
    {
        using var run = Run();
        await using var states = new SetupStates(ExportedPacks.Contracts.Find("notes")!.Pack!, run.Clients["notes"], run.Redactor);
        Plan(503, 500);

        var result = await states.ChangeAsync(new ProviderStateChange(State, [], Setup: true), CancellationToken.None);

        Assert.That(Ported(result.Failure), Is.EqualTo(string.Join(Environment.NewLine,
            $"Provider state '{State}': Setup failed, no probe was sent: create_note answered 500 Internal Server Error, expected a 2xx",
            "Body: {\"error\":\"busy\"}",
            "RETRIED setup (create_note) after 503 Service Unavailable (Retry-After: none)",
            Curl)));
    }

    [Test]
    public async Task ChangeAsync_RetryAfterLongerThanMaxRetryWait_FailsAtOnce()
    {
        using var run = Run();
        await using var states = new SetupStates(ExportedPacks.Contracts.Find("notes")!.Pack!, run.Clients["notes"], run.Redactor) { Run = run };
        planned.Enqueue((429, "120"));

        var result = await states.ChangeAsync(new ProviderStateChange(State, [], Setup: true), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(Ported(result.Failure), Is.EqualTo(string.Join(Environment.NewLine,
                $"Provider state '{State}': Setup failed, no probe was sent: create_note answered 429 Too Many Requests, expected a 2xx",
                "Body: {\"error\":\"busy\"}",
                Curl)));
            Assert.That(received.Select(r => r.Request).ToList(), Is.EqualTo(new[] { "POST /v1/notes -> 429" }), "not sent again before the target allows");
        });
    }

    [TestCase("1", 2, ", still after 1 bounded retry (conformance.maxRetries); the target is throttling or unavailable")]
    [TestCase("0", 1, "")]
    public async Task ChangeAsync_RunsMaxRetries_SentAgainThatManyTimes(string maxRetries, int requests, string still)
    {
        using var run = Run(("conformance.maxRetries", maxRetries));
        await using var states = new SetupStates(ExportedPacks.Contracts.Find("notes")!.Pack!, run.Clients["notes"], run.Redactor) { Run = run };
        Plan(503, 503, 503);

        var result = await states.ChangeAsync(new ProviderStateChange(State, [], Setup: true), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(Ported(result.Failure), Is.EqualTo(string.Join(Environment.NewLine,
                $"Provider state '{State}': Setup failed, no probe was sent: create_note answered 503 Service Unavailable, expected a 2xx{still}",
                "Body: {\"error\":\"busy\"}",
                Curl)));
            Assert.That(received.Count, Is.EqualTo(requests));
        });
    }

    [Test]
    public async Task Verify_SetupPassesAfterTheVerifierStoppedWaiting_BrokenSayingSoAndCleanedUpAtTheEnd()
    {
        using var run = Run(("conformance.timeoutSeconds", "2"));
        var states = new SetupStates(ExportedPacks.Contracts.Find("notes")!.Pack!, run.Clients["notes"], run.Redactor) { Run = run };
        planned.Enqueue((503, "3"));

        var result = PactVerifier.Verify(new PactVerifierOptions("notes", target.BaseUri) { StateHandler = states, RequestTimeout = run.Settings.Timeout }, PactSource.Files([pact]));
        await states.DisposeAsync();

        var interaction = states.WithLeftOvers(result).Interactions.Single();
        var sent = received.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(interaction.Mismatch, Is.EqualTo(string.Join(Environment.NewLine,
                $"Provider state '{State}': set up only after the verifier had stopped waiting for it (its request timeout, conformance.timeoutSeconds), so the interaction was not sent. Fix: give the verifier longer (conformance.timeoutSeconds; from code, PactVerifierOptions.RequestTimeout) than the setup may take with its bounded retries and their waits (conformance.maxRetries, conformance.maxRetryWaitSeconds), or rerun once the target no longer throttles.",
                "RETRIED setup (create_note) after 503 Service Unavailable (Retry-After: 3)")));
            Assert.That(interaction.Broken, Is.True);
            Assert.That(sent.Select(r => r.Request).ToList(), Is.EqualTo(new[] { "POST /v1/notes -> 503", $"POST /v1/notes -> 201 {Created(sent)}", $"DELETE /v1/notes/{Created(sent)}" }), "no interaction request; the cleanup when the verification ended");
        });
    }

    private void Plan(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            planned.Enqueue((status, null));
        }
    }

    /// <summary>The id the setup's 201 gave, from the requests the target saw.</summary>
    private static string Created(List<(string Request, TimeSpan At)> sent) =>
        sent.Select(r => r.Request).FirstOrDefault(r => r.StartsWith("POST /v1/notes -> 201 ", StringComparison.Ordinal))?["POST /v1/notes -> 201 ".Length..] ?? "(none)";

    private static string Ported(string? message) => System.Text.RegularExpressions.Regex.Replace(message ?? "(none)", @"127\.0\.0\.1:[0-9]+", "127.0.0.1:PORT");

    /// <summary>A run whose notes target is the loopback API (as the reference: its sample token, mutation allowed), with <paramref name="settings"/>.</summary>
    private ConformanceRun Run(params (string Key, string Value)[] settings)
    {
        var given = settings.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        return new(new ContractSet([ExportedPacks.Contracts.Find("notes")!]), new SettingsSource(given.GetValueOrDefault, _ => null), _ => target.BaseUri);
    }
}
