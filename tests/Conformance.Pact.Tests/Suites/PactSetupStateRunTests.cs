using System.Collections.Concurrent;
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
    private readonly ConcurrentQueue<string> received = new();
    private TempFolder folder = null!;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) created;
    private string[] receivedCreated = [];
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) failed;
    private string[] receivedFailed = [];
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) withoutId;

    [OneTimeSetUp]
    public async Task RunSuitesAsync()
    {
        folder = new TempFolder();
        created = await RunAsync(CreateAnswer.Created, "created");
        receivedCreated = [.. received];
        failed = await RunAsync(CreateAnswer.ServerError, "failed");
        receivedFailed = [.. received];
        withoutId = await RunAsync(CreateAnswer.WithoutId, "without-id");
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

    /// <summary>The message with the loopback target's port as PORT.</summary>
    private static string Ported(string message) => System.Text.RegularExpressions.Regex.Replace(message.TrimEnd(), @"127\.0\.0\.1:[0-9]+", "127.0.0.1:PORT");

    private async Task<(int ExitCode, IReadOnlyList<TrxCase> Cases, string Output)> RunAsync(CreateAnswer answer, string results)
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
                    CreateAnswer.Created => Results.Json(new { ok = true, id }, statusCode: 201),
                    CreateAnswer.WithoutId => Results.Json(new { ok = true }, statusCode: 201),
                    _ => Results.Json(new { error = "database down" }, statusCode: 500),
                };
            });
            web.MapDelete("/v1/notes/{id}", (string id, HttpRequest request) =>
            {
                received.Enqueue($"DELETE /v1/notes/{id} {request.Headers.Authorization}");
                return notes.TryRemove(id, out _) ? Results.Json(new { ok = true, id = int.Parse(id, System.Globalization.CultureInfo.InvariantCulture) }) : Results.Json(new { error = "no such note" }, statusCode: 404);
            });
        });
        var export = PactExporter.Export(ExportedPacks.Contracts.Find("notes")!);
        var pact = export.Pact with { Interactions = [.. export.Pact.Interactions.Where(i => i.Description == Delete)] };
        var written = PactWriter.Write(pact, Path.Combine(folder.Path, "export-" + results));
        var environment = new Dictionary<string, string>
        {
            ["CONFORMANCE_NOTES_BASEURL"] = target.BaseUri.ToString(),
            ["CONFORMANCE_NOTES_TOKEN"] = Token,
            ["CONFORMANCE_NOTES_ALLOWMUTATION"] = "true",
        };
        var files = new Dictionary<string, string> { ["conformance-notes-notes.json"] = await File.ReadAllTextAsync(written) };
        return await PactFolderRun.RunAsync(folder, "FullyQualifiedName~PactSuite", files, environment, results);
    }

    private enum CreateAnswer
    {
        Created,
        WithoutId,
        ServerError,
    }
}
