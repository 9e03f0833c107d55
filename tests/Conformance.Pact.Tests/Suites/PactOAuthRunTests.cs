using System.Collections.Concurrent;
using Conformance.Pact.Tests.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// Pacts verified against a target whose token is fetched (CONFORMANCE_NOTES_TOKENURL): the pact's sample token is
/// swapped for the fetched one, which never reaches the TRX; when the token endpoint refuses the client, no
/// interaction is sent and each case says why.
/// </summary>
[NonParallelizable]
public sealed class PactOAuthRunTests
{
    private const string Fetched = "fetched-notes-token-91ab";
    private const string Read = "pact / notes / a note read with the exported token";
    private readonly ConcurrentQueue<string> seen = new();
    private TempFolder folder = null!;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) granted;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) refused;
    private string[] seenRefused = [];
    private string tokenUrl = string.Empty;

    private const string EchoCase = "pact / notes / an echo of the credential";

    /// <summary>The target answers the credential it got: the verifier's mismatch then holds the fetched token.</summary>
    private static System.Text.Json.Nodes.JsonObject Echo()
    {
        var interaction = PactFolderRun.Read("an echo of the credential", "Bearer notes-reference-token", 200, "/echo");
        interaction["response"]!["headers"] = new System.Text.Json.Nodes.JsonObject { ["Content-Type"] = "application/json" };
        interaction["response"]!["body"] = new System.Text.Json.Nodes.JsonObject { ["auth"] = "Bearer notes-reference-token" };
        return interaction;
    }

    [OneTimeSetUp]
    public async Task RunSuitesAsync()
    {
        folder = new TempFolder();
        var files = new Dictionary<string, string>
        {
            ["notes-web-notes.json"] = PactFolderRun.NotesPact(
                PactFolderRun.Read("a note read with the exported token", "Bearer notes-reference-token", 200),
                PactFolderRun.Read("a note read without a token", null, 401),
                Echo()),
        };
        var grant = true;
        await using var target = await LoopbackApp.StartAsync(web =>
        {
            web.MapPost("/oauth/token", () => grant ? Results.Json(new { access_token = Fetched, expires_in = 3600 }) : Results.Json(new { error = "invalid_client" }, statusCode: 401));
            web.MapGet("/echo", (HttpRequest request) => Results.Json(new Dictionary<string, string> { ["auth"] = request.Headers.Authorization.ToString() }));
            web.MapGet("/notes/{id}", (string id, HttpRequest request) =>
            {
                seen.Enqueue(request.Headers.Authorization.ToString());
                return request.Headers.Authorization.ToString() == $"Bearer {Fetched}" ? Results.Ok() : Results.StatusCode(401);
            });
        });
        tokenUrl = new Uri(target.BaseUri, "oauth/token").ToString();
        var environment = new Dictionary<string, string>
        {
            ["CONFORMANCE_NOTES_BASEURL"] = target.BaseUri.ToString(),
            ["CONFORMANCE_NOTES_TOKENURL"] = tokenUrl,
            ["CONFORMANCE_NOTES_CLIENTID"] = "qa-runner",
            ["CONFORMANCE_NOTES_CLIENTSECRET"] = "client-secret-77d0",
        };
        granted = await PactFolderRun.RunAsync(folder, "FullyQualifiedName~PactSuite", files, environment, "granted");
        grant = false;
        seen.Clear();
        refused = await PactFolderRun.RunAsync(folder, "FullyQualifiedName~PactSuite", files, environment, "refused");
        seenRefused = [.. seen];
    }

    [OneTimeTearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public void Run_TokenFetched_ExportedTokenSwappedForItAndNeverInTheOutput()
    {
        Assert.Multiple(() =>
        {
            Assert.That(granted.Cases.Select(c => $"{c.Name}: {c.Outcome}"), Is.EquivalentTo(new[] { $"{Read}: Passed", "pact / notes / a note read without a token: Passed", $"{EchoCase}: Failed" }), granted.Output);
            Assert.That(granted.Cases.Single(c => c.Name == EchoCase).Message, Does.Contain("Bearer ***").And.Not.Contain(Fetched), "the target echoes the fetched token into the mismatch");
            Assert.That(granted.Output, Does.Not.Contain(Fetched).And.Not.Contain("client-secret-77d0"));
        });
    }

    [Test]
    public void Run_TokenEndpointRefuses_NoInteractionSentAndEachCaseSaysWhy()
    {
        Assert.Multiple(() =>
        {
            Assert.That(refused.Cases.Select(c => c.Outcome), Has.All.EqualTo("Failed"), refused.Output);
            Assert.That(refused.Cases.Single(c => c.Name == Read).Message, Does.StartWith(
                $"BROKEN (no verdict): the verifier could not run for 'notes': No credential, no interaction was sent: Token request failed: POST {tokenUrl} answered 401 Unauthorized: invalid_client"));
            Assert.That(seenRefused, Is.Empty, "no interaction reached the target");
        });
    }
}
