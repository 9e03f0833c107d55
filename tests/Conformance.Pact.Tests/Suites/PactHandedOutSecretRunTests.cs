using System.Text.Json.Nodes;
using Conformance.Pact.Tests.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// A pact case whose provider hands out live credentials the pact does not expect (a session header, an access token in
/// the body): the case fails on the mismatch, and the credentials are in none of the TRX, the Allure results or the
/// console output, as a row's are not.
/// </summary>
[NonParallelizable]
public sealed class PactHandedOutSecretRunTests
{
    [Test]
    public async Task Run_ProviderHandsOutCredentials_CaseFailsWithThemMasked()
    {
        using var folder = new TempFolder();
        await using var target = await LoopbackApp.StartAsync(web => web.MapGet("/notes/n1", (HttpResponse response) =>
        {
            response.Headers["X-Session-Token"] = "live-LEAK-session-1";
            return Results.Text("""{"access_token":"live-LEAK-access-3"}""", "application/json");
        }));
        var pact = PactFolderRun.NotesPact(new JsonObject
        {
            ["description"] = "a session",
            ["request"] = new JsonObject { ["method"] = "GET", ["path"] = "/notes/n1" },
            ["response"] = new JsonObject
            {
                ["status"] = 200,
                ["headers"] = new JsonObject { ["Content-Type"] = "application/json", ["X-Session-Token"] = "sample-session" },
                ["body"] = new JsonObject { ["access_token"] = "sample-token-value" },
            },
        });

        var (_, cases, output) = await PactFolderRun.RunAsync(
            folder,
            "FullyQualifiedName~PactSuite",
            new Dictionary<string, string> { ["notes-web-notes.json"] = pact },
            new Dictionary<string, string> { ["CONFORMANCE_NOTES_BASEURL"] = target.BaseUri.AbsoluteUri, ["CONFORMANCE_NOTES_TOKEN"] = "notes-token-7c1e" });

        Assert.Multiple(() =>
        {
            Assert.That(cases.Select(c => (c.Name, c.Outcome)), Is.EqualTo(new[] { ("pact / notes / a session", "Failed") }), output);
            Assert.That(cases.Single().Message, Does.Contain("$.access_token -> Expected '***' (String) to be equal to 'sample-token-value' (String)"));
            Assert.That(output, Does.Not.Contain("LEAK"));
            Assert.That(Directory.EnumerateFiles(Path.Combine(folder.Path, "results"), "*", SearchOption.AllDirectories).Where(f => File.ReadAllText(f).Contains("LEAK", StringComparison.Ordinal)).Select(Path.GetFileName), Is.Empty);
        });
    }
}
