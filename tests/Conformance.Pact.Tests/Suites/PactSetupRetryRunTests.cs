using System.Collections.Concurrent;
using Conformance.Pact.Export;
using Conformance.Pact.Tests.Export;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// The suites app verifying the exported notes pact's delete_note / valid interaction, whose provider state's setup
/// (create_note) the loopback notes API answers 503 first: once, then 201 (the case passes and its message names the
/// setup sent again), or every time (BROKEN, still 503 after conformance.maxRetries, as a row's setup says it).
/// </summary>
[NonParallelizable]
public sealed class PactSetupRetryRunTests
{
    private const string Delete = "notes / delete_note / valid -> 200";
    private const string Token = "own-notes-token-4711";
    private readonly ConcurrentQueue<string> received = new();
    private TempFolder folder = null!;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) once;
    private string[] receivedOnce = [];
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) always;
    private string[] receivedAlways = [];

    [OneTimeSetUp]
    public async Task RunSuitesAsync()
    {
        folder = new TempFolder();
        once = await RunAsync(unavailable: 1, "once");
        receivedOnce = [.. received];
        always = await RunAsync(unavailable: int.MaxValue, "always");
        receivedAlways = [.. received];
    }

    [OneTimeTearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public void Run_SetupAnswered503Once_PassesNamingTheSetupSentAgain()
    {
        var delete = once.Cases.Single(c => c.Name.EndsWith(Delete, StringComparison.Ordinal));
        // TRX keeps no message for a passed case; the Allure result's pact_interaction step has the case's message.
        var allure = Directory.EnumerateFiles(Path.Combine(folder.Path, "once", "allure-results"), "*-result.json")
            .Select(f => System.Text.Json.JsonDocument.Parse(File.ReadAllText(f)).RootElement)
            .Single(r => r.GetProperty("name").GetString()!.EndsWith(Delete, StringComparison.Ordinal));
        var message = allure.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString()!.StartsWith("pact_interaction", StringComparison.Ordinal))
            .GetProperty("statusDetails").GetProperty("message").GetString()!;

        Assert.Multiple(() =>
        {
            Assert.That(delete.Outcome, Is.EqualTo("Passed"), once.Output);
            Assert.That(message, Is.EqualTo(string.Join(Environment.NewLine,
                "Interaction verified.",
                "RETRIED setup (create_note) after 503 Service Unavailable (Retry-After: none)")));
            Assert.That(receivedOnce, Is.EqualTo(new[] { "POST /v1/notes -> 503", "POST /v1/notes -> 201", "DELETE /v1/notes/70001", "DELETE /v1/notes/70001" }));
        });
    }

    [Test]
    public void Run_SetupAnswered503EveryTime_BrokenStillAfterBoundedRetries()
    {
        var delete = always.Cases.Single(c => c.Name.EndsWith(Delete, StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(delete.Outcome, Is.EqualTo("Failed"));
            Assert.That(System.Text.RegularExpressions.Regex.Replace(delete.Message.TrimEnd(), @"127\.0\.0\.1:[0-9]+", "127.0.0.1:PORT"), Is.EqualTo(string.Join(Environment.NewLine,
                "BROKEN (no verdict): Provider state 'setup create_note (captures deletable_note_id; cleanup delete_note)': Setup failed, no probe was sent: create_note answered 503 Service Unavailable, expected a 2xx, still after 2 bounded retries (conformance.maxRetries); the target is throttling or unavailable",
                "Body: {\"error\":\"busy\"}",
                "Reproduce: curl -i -X POST 'http://127.0.0.1:PORT/v1/notes' -H 'Accept: application/json' -H 'Authorization: ***' -H 'Content-Type: application/json' --data-raw '{\"customer_id\":1001,\"body\":\"This is a test note.\"}'")));
            Assert.That(receivedAlways, Is.EqualTo(Enumerable.Repeat("POST /v1/notes -> 503", 3).ToArray()), "1 + conformance.maxRetries (2), no interaction request");
            Assert.That(always.Output, Does.Not.Contain(Token));
        });
    }

    /// <param name="unavailable">How many times create_note answers 503 before 201.</param>
    private async Task<(int ExitCode, IReadOnlyList<TrxCase> Cases, string Output)> RunAsync(int unavailable, string results)
    {
        received.Clear();
        var left = unavailable;
        var made = false;
        await using var target = await Providers.LoopbackApp.StartAsync(web =>
        {
            web.MapPost("/v1/notes", () =>
            {
                if (Interlocked.Decrement(ref left) >= 0)
                {
                    received.Enqueue("POST /v1/notes -> 503");
                    return Results.Json(new { error = "busy" }, statusCode: 503);
                }

                made = true;
                received.Enqueue("POST /v1/notes -> 201");
                return Results.Json(new { ok = true, id = 70001 }, statusCode: 201);
            });
            web.MapDelete("/v1/notes/{id}", (string id) =>
            {
                received.Enqueue($"DELETE /v1/notes/{id}");
                var gone = !made || id != "70001";
                made = false;
                return gone ? Results.Json(new { error = "no such note" }, statusCode: 404) : Results.Json(new { ok = true, id = 70001 });
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
}
