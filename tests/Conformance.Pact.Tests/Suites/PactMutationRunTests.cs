using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Conformance.Pact.Tests.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// A pact with a DELETE verified against a pack's configured target (suites/PactVerifications.cs): like the rows, the
/// mutating interaction is sent only where notes.allowMutation is true. The suites app runs without and with it, then
/// with conformance.dryRun (nothing sent at all). The
/// read's description carries the regex meta characters NUnit keeps in a name (not braces): the verifier's filter must match it.
/// </summary>
[NonParallelizable]
public sealed class PactMutationRunTests
{
    private const string Read = "pact / notes / a note (id=11001) -> 200 [v1.0] $x^2 | a+b? #1 & ~d";
    private const string Delete = "pact / notes / a deleted note";
    private readonly ConcurrentQueue<string> received = new();
    private TempFolder folder = null!;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) refused;
    private string[] receivedRefused = [];
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) allowed;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) dryRun;
    private string[] receivedAllowed = [];
    private string[] receivedDryRun = [];

    private static JsonObject Interaction(string description, string method, string path) => new()
    {
        ["description"] = description,
        ["request"] = new JsonObject { ["method"] = method, ["path"] = path },
        ["response"] = new JsonObject { ["status"] = 200 },
    };

    [OneTimeSetUp]
    public async Task RunSuitesAsync()
    {
        folder = new TempFolder();
        var files = new Dictionary<string, string>
        {
            ["notes-web-notes.json"] = PactFolderRun.NotesPact(Interaction("a note (id=11001) -> 200 [v1.0] $x^2 | a+b? #1 & ~d", "GET", "/v1/notes/11001"), Interaction("a deleted note", "DELETE", "/v1/notes/11301")),
        };
        await using var target = await LoopbackApp.StartAsync(web => web.Map("/v1/notes/{id}", (HttpRequest request) =>
        {
            received.Enqueue(request.Method);
            return Results.Ok();
        }));
        var environment = new Dictionary<string, string> { ["CONFORMANCE_NOTES_BASEURL"] = target.BaseUri.ToString() };
        refused = await PactFolderRun.RunAsync(folder, "FullyQualifiedName~PactSuite", files, environment, "refused");
        receivedRefused = [.. received];
        received.Clear();
        environment["CONFORMANCE_NOTES_ALLOWMUTATION"] = "true";
        allowed = await PactFolderRun.RunAsync(folder, "FullyQualifiedName~PactSuite", files, environment, "allowed");
        receivedAllowed = [.. received];
        received.Clear();
        environment["CONFORMANCE_CONFORMANCE_DRYRUN"] = "true";
        dryRun = await PactFolderRun.RunAsync(folder, "FullyQualifiedName~PactSuite", files, environment, "dry-run");
        receivedDryRun = [.. received];
    }

    [OneTimeTearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public void Run_MutationNotAllowed_DeleteSkippedAndNeverSent()
    {
        var delete = refused.Cases.Single(c => c.Name == Delete);

        Assert.Multiple(() =>
        {
            Assert.That(refused.Cases.SingleOrDefault(c => c.Name == Read)?.Outcome, Is.EqualTo("Passed"), string.Join(" | ", refused.Cases.Select(c => $"{c.Name}={c.Outcome}:{c.Message}")));
            Assert.That(delete.Outcome, Is.EqualTo("NotExecuted"));
            Assert.That(delete.Message, Is.EqualTo("Skipped: interaction 'a deleted note' mutates and notes.allowMutation is not true for 127.0.0.1" + "; to send it, set notes.allowMutation=true (or CONFORMANCE_NOTES_ALLOWMUTATION=true) where the run may change the target's data"));
            Assert.That(receivedRefused, Is.EqualTo(new[] { "GET" }));
        });
    }

    [Test]
    public void Run_MutationAllowed_DeleteVerified()
    {
        Assert.Multiple(() =>
        {
            Assert.That(allowed.Cases.Select(c => c.Outcome), Is.All.EqualTo("Passed"), allowed.Output);
            Assert.That(receivedAllowed.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "DELETE", "GET" }));
        });
    }

    [Test]
    public void Run_DryRun_NothingSentEachInteractionSaysWhatItWouldVerify()
    {
        Assert.Multiple(() =>
        {
            Assert.That(receivedDryRun, Is.Empty);
            Assert.That(dryRun.Cases.Select(c => c.Outcome), Is.All.EqualTo("NotExecuted"), dryRun.Output);
            Assert.That(dryRun.Cases.Single(c => c.Name == Delete).Message, Is.EqualTo("Dry run (conformance.dryRun=true): nothing sent; would verify interaction 'a deleted note' of the notes pact against 127.0.0.1"));
        });
    }
}
