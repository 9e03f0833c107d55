using System.Collections.Concurrent;
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
/// A setup slower than conformance.timeoutSeconds, which is also the verifier's request timeout: the verifier gives up
/// on the state-change call about when the setup's own request times out, and the interaction must still say why.
/// </summary>
[NonParallelizable]
public sealed class SetupStatesTimeoutTests
{
    private const string Delete = "notes / delete_note / valid -> 200";

    [Test]
    public async Task Verify_SetupSlowerThanTimeout_MismatchNamesTheSetupTimeout()
    {
        var received = new ConcurrentQueue<string>();
        await using var target = await LoopbackApp.StartAsync(web =>
        {
            web.MapPost("/v1/notes", async () =>
            {
                received.Enqueue("POST /v1/notes");
                await Task.Delay(TimeSpan.FromSeconds(3));
                return Results.Json(new { ok = true, id = 70001 }, statusCode: 201);
            });
            web.MapDelete("/v1/notes/{id}", (string id) =>
            {
                received.Enqueue($"DELETE /v1/notes/{id}");
                return Results.Json(new { ok = true });
            });
        });
        using var folder = new TempFolder();
        var export = ExportedPacks.Export("notes");
        var pact = PactWriter.Write(export.Pact with { Interactions = [.. export.Pact.Interactions.Where(i => i.Description == Delete)] }, folder.Path);
        var settings = new Dictionary<string, string> { ["conformance.timeoutSeconds"] = "1" };
        using var run = new ConformanceRun(new ContractSet([ExportedPacks.Contracts.Find("notes")!]), new SettingsSource(k => settings.GetValueOrDefault(k), _ => null), _ => target.BaseUri);
        await using var states = new SetupStates(ExportedPacks.Contracts.Find("notes")!.Pack!, run.Clients["notes"], run.Redactor);

        var result = PactVerifier.Verify(
            new PactVerifierOptions("notes", target.BaseUri) { StateHandler = states, RequestTimeout = run.Settings.Timeout },
            PactSource.Files([pact]));

        Assert.Multiple(() =>
        {
            Assert.That(System.Text.RegularExpressions.Regex.Replace(result.Interactions.Single().Mismatch ?? "(none)", @"127\.0\.0\.1:[0-9]+", "127.0.0.1:PORT"), Is.EqualTo(string.Join(Environment.NewLine,
                "Provider state 'setup create_note (captures deletable_note_id; cleanup delete_note)': Setup failed, no probe was sent: create_note: Target unreachable (timeout): No complete response from 127.0.0.1:PORT within 1 s. Check notes.baseUrl (CONFORMANCE_NOTES_BASEURL), or raise conformance.timeoutSeconds (CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) if it is that slow.",
                "Reproduce: curl -i -X POST 'http://127.0.0.1:PORT/v1/notes' -H 'Accept: application/json' -H 'Authorization: ***' -H 'Content-Type: application/json' --data-raw '{\"customer_id\":1001,\"body\":\"This is a test note.\"}'")));
            Assert.That(received, Is.EqualTo(new[] { "POST /v1/notes" }), "one setup, no interaction request");
        });
    }
}
