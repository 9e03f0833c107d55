using System.Collections.Concurrent;
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
/// The libpact_ffi verifier with <see cref="SetupStates"/> served on its loopback state-change endpoint, over the exported
/// notes pact's delete_note / valid interaction, against a notes API that knows only the notes it created.
/// </summary>
[NonParallelizable]
public sealed class SetupStatesTests
{
    private const string Delete = "notes / delete_note / valid -> 200";
    private readonly ConcurrentQueue<string> received = new();
    private readonly ConcurrentDictionary<string, bool> notes = new(StringComparer.Ordinal);
    private TempFolder folder = null!;
    private bool deletesFail;
    private bool textIds;
    private LoopbackApp target = null!;
    private string pact = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        folder = new TempFolder();
        var next = 70000;
        target = await LoopbackApp.StartAsync(web =>
        {
            web.MapPost("/v1/notes", () =>
            {
                var id = Interlocked.Increment(ref next);
                notes[id.ToString(CultureInfo.InvariantCulture)] = true;
                received.Enqueue($"POST /v1/notes -> {id}");
                return textIds ? Results.Json(new { ok = true, id = $"n-{id}" }, statusCode: 201) : Results.Json(new { ok = true, id }, statusCode: 201);
            });
            web.MapDelete("/v1/notes/{id}", (string id) =>
            {
                received.Enqueue($"DELETE /v1/notes/{id}");
                return deletesFail ? Results.Json(new { error = "locked" }, statusCode: 500) : notes.TryRemove(id, out _) ? Results.Json(new { ok = true }) : Results.Json(new { error = "no such note" }, statusCode: 404);
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
        deletesFail = false;
        textIds = false;
    }

    [Test]
    public void Verify_WithoutStateHandler_ExampleIdNotFound()
    {
        var result = PactVerifier.Verify(new PactVerifierOptions("notes", target.BaseUri), PactSource.Files([pact]));

        Assert.Multiple(() =>
        {
            Assert.That(result.Interactions.Single().Mismatch, Is.EqualTo("expected 200 but was 404"));
            Assert.That(received, Is.EqualTo(new[] { "DELETE /v1/notes/11301" }));
        });
    }

    [Test]
    public async Task Verify_SetupStates_PathCarriesTheCreatedIdAndTeardownCleansUp()
    {
        using var run = Run();
        await using var states = new SetupStates(ExportedPacks.Contracts.Find("notes")!.Pack!, run.Clients["notes"], run.Redactor);

        var result = PactVerifier.Verify(new PactVerifierOptions("notes", target.BaseUri) { StateHandler = states }, PactSource.Files([pact]));

        Assert.Multiple(() =>
        {
            Assert.That(result.Interactions.Single().Passed, Is.True, result.Interactions.Single().Mismatch);
            var created = received.First()["POST /v1/notes -> ".Length..];
            Assert.That(received, Is.EqualTo(new[] { $"POST /v1/notes -> {created}", $"DELETE /v1/notes/{created}", $"DELETE /v1/notes/{created}" }), "setup, interaction, cleanup on teardown");
            Assert.That(states.CleanupWarnings, Is.Empty, "the cleanup's 404 means the interaction removed it");
        });
    }

    [Test]
    public async Task ChangeAsync_TwoSetupsThenATeardown_CleansUpTheLatestSetupsNoteAndTheOtherAtTheEnd()
    {
        using var run = Run();
        var states = new SetupStates(ExportedPacks.Contracts.Find("notes")!.Pack!, run.Clients["notes"], run.Redactor);
        var state = "setup create_note (captures deletable_note_id; cleanup delete_note)";

        // The verifier tears down an interaction's states right after it: a setup not torn down (its interaction's other
        // state failed) is older than the one the next teardown follows.
        await states.ChangeAsync(new ProviderStateChange(state, [], Setup: true), CancellationToken.None);
        await states.ChangeAsync(new ProviderStateChange(state, [], Setup: true), CancellationToken.None);
        await states.ChangeAsync(new ProviderStateChange(state, [], Setup: false), CancellationToken.None);
        var torn = received.Last();
        await states.DisposeAsync();

        Assert.Multiple(() =>
        {
            var made = received.Where(r => r.StartsWith("POST", StringComparison.Ordinal)).Select(r => r["POST /v1/notes -> ".Length..]).ToList();
            Assert.That(torn, Is.EqualTo($"DELETE /v1/notes/{made[1]}"), "the teardown follows the latest setup");
            Assert.That(received.Last(), Is.EqualTo($"DELETE /v1/notes/{made[0]}"), "the other cleaned up when the verification ends");
        });
    }

    [Test]
    public async Task WithLeftOvers_CleanupAtTheEndFails_WarningOnTheInteractionWhoseSetupMadeIt()
    {
        using var run = Run();
        var states = new SetupStates(ExportedPacks.Contracts.Find("notes")!.Pack!, run.Clients["notes"], run.Redactor);
        var export = ExportedPacks.Export("notes");
        var delete = export.Pact.Interactions.Single(i => i.Description == Delete);
        var twoStates = PactWriter.Write(export.Pact with { Interactions = [delete with { States = [.. delete.States, new PactProviderState("a failing state", new Dictionary<string, System.Text.Json.Nodes.JsonNode?>())] }] }, Path.Combine(folder.Path, "two-states"));
        deletesFail = true;

        var result = PactVerifier.Verify(new PactVerifierOptions("notes", target.BaseUri) { StateHandler = new FailingBeside(states, "a failing state") }, PactSource.Files([twoStates]));
        await states.DisposeAsync();
        var interaction = states.WithLeftOvers(result).Interactions.Single();

        Assert.Multiple(() =>
        {
            var made = received.First()["POST /v1/notes -> ".Length..];
            Assert.That(received, Is.EqualTo(new[] { $"POST /v1/notes -> {made}", $"DELETE /v1/notes/{made}" }), "no interaction request; the cleanup when the verification ended");
            Assert.That(interaction.Mismatch, Is.EqualTo("a failing state could not be set up"));
            Assert.That(interaction.Warnings, Has.Count.EqualTo(1));
            Assert.That(interaction.Warnings.Count > 0 ? interaction.Warnings[0] : null, Does.StartWith($"WARNING setup_cleanup: Cleanup failed: DELETE /v1/notes/{made} (delete_note) / Expected: a 2xx, or 404/410 if the probe removed it / Received: 500 Internal Server Error"));
        });
    }

    [TestCase(true, "Provider state 'setup create_note (captures deletable_note_id; cleanup delete_note)': Setup failed, no probe was sent: create_note answered 201 with a body that does not meet schemas/note-created.schema.json: /id: expected type \"integer\" but got string \"n-70")]
    [TestCase(false, null)]
    public async Task ChangeAsync_SchemasGivenSetupAnswerBreaksItsSchema_FailedAsARowsSetup(bool text, string? failure)
    {
        using var run = Run();
        await using var states = new SetupStates(ExportedPacks.Contracts.Find("notes")!.Pack!, run.Clients["notes"], run.Redactor) { Schemas = ExportedPacks.Contracts.Find("notes")!.Schemas };
        textIds = text;

        var result = await states.ChangeAsync(new ProviderStateChange("setup create_note (captures deletable_note_id; cleanup delete_note)", [], Setup: true), CancellationToken.None);

        Assert.That(result.Failure, failure is null ? Is.Null : Does.StartWith(failure));
    }

    [Test]
    public async Task Verify_StateChangeUriGiven_WinsOverStateHandler()
    {
        using var run = Run();
        await using var states = new SetupStates(ExportedPacks.Contracts.Find("notes")!.Pack!, run.Clients["notes"], run.Redactor);
        var calls = new ConcurrentQueue<string>();
        await using var own = await LoopbackApp.StartAsync(web => web.MapPost("/states", async (HttpRequest request) =>
        {
            calls.Enqueue(await new StreamReader(request.Body).ReadToEndAsync());
            return Results.Json(new { deletable_note_id = 42 });
        }));

        var result = PactVerifier.Verify(
            new PactVerifierOptions("notes", target.BaseUri) { StateHandler = states, ProviderStateChangeUri = new Uri(own.BaseUri, "states") },
            PactSource.Files([pact]));

        Assert.Multiple(() =>
        {
            Assert.That(result.Interactions.Single().Mismatch, Is.EqualTo("expected 200 but was 404"));
            Assert.That(received, Is.EqualTo(new[] { "DELETE /v1/notes/42" }), "the given endpoint's value, no setup sent by the handler");
            Assert.That(calls, Has.Some.Contains("\"setup create_note (captures deletable_note_id; cleanup delete_note)\""));
        });
    }

    /// <summary>The setup states, and one more state whose setup fails.</summary>
    private sealed class FailingBeside(SetupStates states, string failing) : IProviderStateHandler
    {
        public Task<ProviderStateResult> ChangeAsync(ProviderStateChange change, CancellationToken cancellationToken) =>
            change.State == failing ? Task.FromResult(ProviderStateResult.Failed($"{failing} could not be set up")) : states.ChangeAsync(change, cancellationToken);
    }

    /// <summary>A run whose notes target is the loopback API (as the reference: its sample token, mutation allowed).</summary>
    private ConformanceRun Run() =>
        new(new ContractSet([ExportedPacks.Contracts.Find("notes")!]), new SettingsSource(_ => null, _ => null), _ => target.BaseUri);
}
