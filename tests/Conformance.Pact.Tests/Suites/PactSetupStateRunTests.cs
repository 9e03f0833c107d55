using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Conformance.Pact.Export;
using Conformance.Pact.Tests.Export;
using Conformance.Pact.Tests.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// The exported notes pact's delete_note / valid interaction (its operation has a setup: create_note, capturing
/// deletable_note_id) verified by the suites app against a loopback notes API that knows only the notes it created:
/// the pact's example id (11301) is not one of them, so only a verifier whose provider state ran the setup, and put the
/// id it captured into the path, passes.
/// </summary>
[NonParallelizable]
public sealed class PactSetupStateRunTests
{
    private const string Delete = "notes / delete_note / valid -> 200";
    private const string Token = "own-notes-token-4711";
    private const string State = "setup create_note (captures deletable_note_id; cleanup delete_note)";
    private readonly ConcurrentQueue<string> received = new();
    private TempFolder folder = null!;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) created;
    private string[] receivedCreated = [];
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) failed;
    private string[] receivedFailed = [];
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) withoutId;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) refused;
    private string[] receivedRefused = [];
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) cleanupFails;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) locked;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) elsewhere;

    [OneTimeSetUp]
    public async Task RunSuitesAsync()
    {
        folder = new TempFolder();
        created = await RunAsync(CreateAnswer.Created, "created");
        receivedCreated = [.. received];
        failed = await RunAsync(CreateAnswer.ServerError, "failed");
        receivedFailed = [.. received];
        withoutId = await RunAsync(CreateAnswer.WithoutId, "without-id");
        refused = await RunAsync(CreateAnswer.Created, "refused", PactFolderRun.NotesPact(new JsonObject
        {
            ["description"] = "a note just created",
            ["providerStates"] = new JsonArray(new JsonObject { ["name"] = State, ["params"] = new JsonObject { ["deletable_note_id"] = 11301 } }),
            ["request"] = new JsonObject { ["method"] = "GET", ["path"] = "/v1/notes/11301" },
            ["response"] = new JsonObject { ["status"] = 200 },
        }));
        receivedRefused = [.. received];
        cleanupFails = await RunAsync(CreateAnswer.CleanupFails, "cleanup-fails");
        locked = await RunAsync(CreateAnswer.Locked, "locked");
        elsewhere = await RunAsync(CreateAnswer.ServerError, "elsewhere", provider: uri => new UriBuilder(uri) { Host = "localhost", UserName = "ci", Password = "pw-provider-4711" }.Uri);
    }

    [OneTimeTearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public void Run_SetupStateRunsOnTheTarget_InteractionDeletesTheCreatedNote()
    {
        var delete = created.Cases.Single(c => c.Name.EndsWith(Delete, StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(delete.Outcome, Is.EqualTo("Passed"), delete.Message + created.Output);
            Assert.That(receivedCreated, Is.EqualTo(new[]
            {
                $"POST /v1/notes Bearer {Token}",
                $"DELETE /v1/notes/70001 Bearer {Token}",
                $"DELETE /v1/notes/70001 Bearer {Token}",
            }));
        });
    }

    [Test]
    public void Run_SetupAnswers500_BrokenNamingSetupStatusAndMaskedCurl()
    {
        var delete = failed.Cases.Single(c => c.Name.EndsWith(Delete, StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(delete.Outcome, Is.EqualTo("Failed"));
            Assert.That(Ported(delete.Message), Is.EqualTo(string.Join(Environment.NewLine,
                "BROKEN (no verdict): Provider state 'setup create_note (captures deletable_note_id; cleanup delete_note)': Setup failed, no probe was sent: create_note answered 500 Internal Server Error, expected a 2xx",
                "Body: {\"error\":\"database down\"}",
                "Reproduce: curl -i -X POST 'http://127.0.0.1:PORT/v1/notes' -H 'Accept: application/json' -H 'Authorization: ***' -H 'Content-Type: application/json' --data-raw '{\"customer_id\":1001,\"body\":\"This is a test note.\"}'")));
            Assert.That(receivedFailed, Is.EqualTo(new[] { $"POST /v1/notes Bearer {Token}" }), "no interaction request, no cleanup");
            Assert.That(failed.Output, Does.Not.Contain(Token));
        });
    }

    [Test]
    public void Run_SetupAnswerLacksCapturedField_BrokenNamingThePointer()
    {
        var delete = withoutId.Cases.Single(c => c.Name.EndsWith(Delete, StringComparison.Ordinal));

        Assert.That(Ported(delete.Message), Is.EqualTo(string.Join(Environment.NewLine,
            "BROKEN (no verdict): Provider state 'setup create_note (captures deletable_note_id; cleanup delete_note)': Setup failed, no probe was sent: create_note answered 201 without a value at /id to capture as deletable_note_id",
            "Body: {\"ok\":true}",
            "Reproduce: curl -i -X POST 'http://127.0.0.1:PORT/v1/notes' -H 'Accept: application/json' -H 'Authorization: ***' -H 'Content-Type: application/json' --data-raw '{\"customer_id\":1001,\"body\":\"This is a test note.\"}'")));
    }

    [Test]
    public void Run_SetupMutatesAndTargetRefusesMutation_ReadSkippedNothingSent()
    {
        var read = refused.Cases.Single(c => c.Name.EndsWith("a note just created", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(read.Outcome, Is.EqualTo("NotExecuted"));
            Assert.That(read.Message, Is.EqualTo($"Skipped: provider state '{State}': setup 'create_note': POST would mutate 127.0.0.1, and notes.allowMutation is not true" + "; to send it, set notes.allowMutation=true (or CONFORMANCE_NOTES_ALLOWMUTATION=true) where the run may change the target's data"));
            Assert.That(receivedRefused, Is.Empty);
        });
    }

    [Test]
    public void Run_CleanupOnTeardownFails_PassesWithTheWarningAndRemovalLine()
    {
        var delete = cleanupFails.Cases.Single(c => c.Name.EndsWith(Delete, StringComparison.Ordinal));
        // TRX keeps no message for a passed case; the Allure result's pact_interaction step has the case's message.
        var allure = Directory.EnumerateFiles(Path.Combine(folder.Path, "cleanup-fails", "allure-results"), "*-result.json")
            .Select(f => System.Text.Json.JsonDocument.Parse(File.ReadAllText(f)).RootElement)
            .Single(r => r.GetProperty("name").GetString()!.EndsWith(Delete, StringComparison.Ordinal));
        var message = allure.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString()!.StartsWith("pact_interaction", StringComparison.Ordinal))
            .GetProperty("statusDetails").GetProperty("message").GetString()!;

        Assert.Multiple(() =>
        {
            Assert.That(delete.Outcome, Is.EqualTo("Passed"), cleanupFails.Output);
            Assert.That(allure.GetProperty("status").GetString(), Is.EqualTo("passed"));
            Assert.That(Ported(message), Is.EqualTo(string.Join(Environment.NewLine,
                "Interaction verified.",
                "WARNING setup_cleanup: Cleanup failed: DELETE /v1/notes/70001 (delete_note) / Expected: a 2xx, or 404/410 if the probe removed it / Received: 500 Internal Server Error, body {\"error\":\"locked\"}",
                "    What the setup (create_note) made may still be on the target; remove it with: curl -i -X DELETE 'http://127.0.0.1:PORT/v1/notes/70001' -H 'Accept: application/json' -H 'Authorization: ***'")));
        });
    }

    [Test]
    public void Run_InteractionAndCleanupFail_FailedWithTheWarningAndRemovalLine()
    {
        var delete = locked.Cases.Single(c => c.Name.EndsWith(Delete, StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(delete.Outcome, Is.EqualTo("Failed"), locked.Output);
            Assert.That(Ported(delete.Message), Is.EqualTo(string.Join(Environment.NewLine,
                "expected 200 but was 500",
                "WARNING setup_cleanup: Cleanup failed: DELETE /v1/notes/70001 (delete_note) / Expected: a 2xx, or 404/410 if the probe removed it / Received: 500 Internal Server Error, body {\"error\":\"locked\"}",
                "    What the setup (create_note) made may still be on the target; remove it with: curl -i -X DELETE 'http://127.0.0.1:PORT/v1/notes/70001' -H 'Accept: application/json' -H 'Authorization: ***'")));
        });
    }

    [Test]
    public void Run_ProviderBaseUrlWithPasswordAndSetupFails_PasswordMasked()
    {
        var delete = elsewhere.Cases.Single(c => c.Name.EndsWith(Delete, StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(delete.Message, Does.Contain("create_note answered 500 Internal Server Error"), elsewhere.Output);
            Assert.That(delete.Message + elsewhere.Output, Does.Not.Contain("pw-provider-4711"));
        });
    }

    /// <summary>The message with the loopback target's port as PORT.</summary>
    private static string Ported(string message) => System.Text.RegularExpressions.Regex.Replace(message.TrimEnd(), @"127\.0\.0\.1:[0-9]+", "127.0.0.1:PORT");

    /// <param name="pactJson">The pact to verify; null for the exported delete_note / valid interaction (with notes.allowMutation=true).</param>
    /// <param name="provider">pact.providerBaseUrl from the target's base URL, or null for none.</param>
    private async Task<(int ExitCode, IReadOnlyList<TrxCase> Cases, string Output)> RunAsync(CreateAnswer answer, string results, string? pactJson = null, Func<Uri, Uri>? provider = null)
    {
        received.Clear();
        var notes = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var next = 70000;
        await using var target = await LoopbackApp.StartAsync(web =>
        {
            web.MapPost("/v1/notes", (HttpRequest request) =>
            {
                received.Enqueue($"POST /v1/notes {request.Headers.Authorization}");
                var id = Interlocked.Increment(ref next);
                notes[id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = true;
                return answer switch
                {
                    CreateAnswer.Created or CreateAnswer.CleanupFails or CreateAnswer.Locked => Results.Json(new { ok = true, id }, statusCode: 201),
                    CreateAnswer.WithoutId => Results.Json(new { ok = true }, statusCode: 201),
                    _ => Results.Json(new { error = "database down" }, statusCode: 500),
                };
            });
            web.MapDelete("/v1/notes/{id}", (string id, HttpRequest request) =>
            {
                received.Enqueue($"DELETE /v1/notes/{id} {request.Headers.Authorization}");
                return answer == CreateAnswer.Locked ? Results.Json(new { error = "locked" }, statusCode: 500)
                    : notes.TryRemove(id, out _) ? Results.Json(new { ok = true, id = int.Parse(id, System.Globalization.CultureInfo.InvariantCulture) })
                    : answer == CreateAnswer.CleanupFails ? Results.Json(new { error = "locked" }, statusCode: 500)
                    : Results.Json(new { error = "no such note" }, statusCode: 404);
            });
        });
        var export = PactExporter.Export(ExportedPacks.Contracts.Find("notes")!);
        var pact = export.Pact with { Interactions = [.. export.Pact.Interactions.Where(i => i.Description == Delete)] };
        var written = PactWriter.Write(pact, Path.Combine(folder.Path, "export-" + results));
        var environment = new Dictionary<string, string>
        {
            ["CONFORMANCE_NOTES_BASEURL"] = target.BaseUri.ToString(),
            ["CONFORMANCE_NOTES_TOKEN"] = Token,
            ["CONFORMANCE_NOTES_ALLOWMUTATION"] = pactJson is null ? "true" : "false",
        };
        if (provider is not null)
        {
            environment["CONFORMANCE_PACT_PROVIDERBASEURL"] = provider(target.BaseUri).ToString();
        }

        var files = new Dictionary<string, string> { ["conformance-notes-notes.json"] = pactJson ?? await File.ReadAllTextAsync(written) };
        return await PactFolderRun.RunAsync(folder, "FullyQualifiedName~PactSuite", files, environment, results);
    }

    private enum CreateAnswer
    {
        Created,
        WithoutId,
        ServerError,
        CleanupFails,
        Locked,
    }
}
