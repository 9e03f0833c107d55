using System.Collections.Concurrent;
using Conformance.Pact.Tests.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// pact.providerBaseUrl on another host than the pack's target: the pacts are verified as written there, and the target's
/// own token (CONFORMANCE_NOTES_TOKEN) never leaves for that other origin.
/// </summary>
[NonParallelizable]
public sealed class PactProviderElsewhereRunTests
{
    private const string Secret = "target-only-secret-7a2f";

    [Test]
    public async Task Run_ProviderBaseUrlElsewhere_TargetTokenNotSentThere()
    {
        using var folder = new TempFolder();
        var received = new ConcurrentQueue<string>();
        await using var elsewhere = await LoopbackApp.StartAsync(web => web.MapGet("/notes/{id}", (HttpRequest request) =>
        {
            received.Enqueue(request.Headers.Authorization.ToString());
            return Results.Ok();
        }));
        await using var target = await LoopbackApp.StartAsync(web => web.MapGet("/notes/{id}", () => Results.Ok()));
        var pact = PactFolderRun.NotesPact(PactFolderRun.Read("a note read with the exported token", "Bearer notes-reference-token", 200));

        var (_, cases, output) = await PactFolderRun.RunAsync(folder, "FullyQualifiedName~PactSuite", new Dictionary<string, string> { ["notes-web-notes.json"] = pact }, new Dictionary<string, string>
        {
            ["CONFORMANCE_NOTES_BASEURL"] = target.BaseUri.ToString(),
            ["CONFORMANCE_NOTES_TOKEN"] = Secret,
            ["CONFORMANCE_PACT_PROVIDERBASEURL"] = elsewhere.BaseUri.ToString(),
        });

        Assert.Multiple(() =>
        {
            Assert.That(cases.Single().Outcome, Is.EqualTo("Passed"), output);
            Assert.That(received, Is.EqualTo(new[] { "Bearer notes-reference-token" }), "the pact as written, not the target's token");
        });
    }
}
