using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Conformance.Pact.Tests.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// A pact interaction itself (no provider state) answered 401 to the fetched token (CONFORMANCE_NOTES_TOKENURL), which
/// the loopback target revoked: the CredentialProxy renews the token (the run's one shared refetch) and sends that
/// request once more with the new one, so the interaction passes; a second 401 stands; a refetch the token endpoint
/// refuses makes the interaction BROKEN with the token request's reason; an interaction that carries the token and
/// expects 401 is not renewed for; the interaction without a token is sent once;
/// neither token reaches the console, the TRX or the Allure results.
/// </summary>
[NonParallelizable]
public sealed class PactOAuthInteractionRunTests
{
    private const string First = "fetched-notes-token-1";
    private const string Second = "fetched-notes-token-2";
    private const string Secret = "client-secret-2b9d";
    private const string Read = "pact / notes / a note read with the exported token";
    private const string Anonymous = "pact / notes / a note read without a token";
    private readonly ConcurrentQueue<string> received = new();
    private TempFolder folder = null!;
    private Run renewed = null!;
    private Run refusedAgain = null!;
    private Run noRefetch = null!;
    private Run expectsRefusal = null!;

    [OneTimeSetUp]
    public async Task RunSuitesAsync()
    {
        folder = new TempFolder();
        renewed = await RunAsync(Target.RevokesTheFirstToken, "renewed");
        refusedAgain = await RunAsync(Target.RefusesEveryToken, "refused-again");
        noRefetch = await RunAsync(Target.GrantsOnlyOneToken, "no-refetch");
        expectsRefusal = await RunAsync(Target.RevokesTheFirstToken, "expects-refusal", PactFolderRun.Read("a locked note read with the exported token", "Bearer notes-reference-token", 401, "/notes/locked"));
    }

    [OneTimeTearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public void Run_InteractionAnswered401ToFetchedToken_RenewedAndSentAgainAndPasses()
    {
        Assert.Multiple(() =>
        {
            Assert.That(renewed.Result.Cases.Select(c => $"{c.Name}: {c.Outcome}"), Is.EquivalentTo(new[] { $"{Read}: Passed", $"{Anonymous}: Passed" }), renewed.Result.Output);
            Assert.That(renewed.Received.Where(r => r != "GET /notes/n1 (none)"), Is.EqualTo(new[]
            {
                "POST /oauth/token", $"GET /notes/n1 Bearer {First}", "POST /oauth/token", $"GET /notes/n1 Bearer {Second}",
            }));
            Assert.That(renewed.Received.Count(r => r == "GET /notes/n1 (none)"), Is.EqualTo(1), "a request without the fetched token is never sent again");
        });
    }

    [Test]
    public void Run_InteractionAnswered401ToRenewedTokenToo_SecondRefusalStands()
    {
        Assert.Multiple(() =>
        {
            Assert.That(refusedAgain.Result.Cases.Single(c => c.Name == Read).Message, Does.Contain("expected 200 but was 401"), refusedAgain.Result.Output);
            Assert.That(refusedAgain.Received.Where(r => r != "GET /notes/n1 (none)"), Is.EqualTo(new[]
            {
                "POST /oauth/token", $"GET /notes/n1 Bearer {First}", "POST /oauth/token", $"GET /notes/n1 Bearer {Second}",
            }), "sent once more, no third token request");
        });
    }

    [Test]
    public void Run_InteractionAnswered401AndRefetchFails_BrokenWithTheTokenRequestsReason()
    {
        var read = noRefetch.Result.Cases.Single(c => c.Name == Read);

        Assert.Multiple(() =>
        {
            Assert.That(read.Outcome, Is.EqualTo("Failed"));
            Assert.That(Ported(read.Message), Is.EqualTo(string.Join(Environment.NewLine,
                "BROKEN (no verdict): The target answered 401 Unauthorized to the fetched token, and a new one could not be fetched: Token request failed: POST http://127.0.0.1:PORT/oauth/token answered 401 Unauthorized: invalid_client",
                "Reproduce: curl -i -X POST 'http://127.0.0.1:PORT/oauth/token' -H 'Accept: application/json' -H 'Authorization: ***' -H 'Content-Type: application/x-www-form-urlencoded' --data-raw 'grant_type=client_credentials'",
                "The verifier: expected 200 but was 401")), noRefetch.Result.Output);
            Assert.That(noRefetch.Result.Cases.Single(c => c.Name == Anonymous).Outcome, Is.EqualTo("Passed"), "the interaction without a token keeps its own verdict");
            Assert.That(noRefetch.Received.Where(r => r != "GET /notes/n1 (none)"), Is.EqualTo(new[] { "POST /oauth/token", $"GET /notes/n1 Bearer {First}", "POST /oauth/token" }), "not sent again");
        });
    }

    [Test]
    public void Run_InteractionWithTheTokenExpects401_NotRenewedForAndJudgedOnItsOnlyAnswer()
    {
        Assert.Multiple(() =>
        {
            Assert.That(expectsRefusal.Result.Cases.Select(c => $"{c.Name}: {c.Outcome}"), Is.EquivalentTo(new[]
            {
                "pact / notes / a locked note read with the exported token: Passed", $"{Read}: Passed", $"{Anonymous}: Passed",
            }), expectsRefusal.Result.Output);
            Assert.That(expectsRefusal.Received.Where(r => r != "GET /notes/n1 (none)"), Is.EqualTo(new[]
            {
                "POST /oauth/token", $"GET /notes/locked Bearer {First}", $"GET /notes/n1 Bearer {First}", "POST /oauth/token", $"GET /notes/n1 Bearer {Second}",
            }), "the 401 it expects costs no token request and is not sent again; the next interaction's renews the token");
        });
    }

    [TestCase(First)]
    [TestCase(Second)]
    [TestCase(Secret)]
    public void Run_TokenRenewedForAnInteraction_NoSecretInOutputTrxOrAllure(string secret)
    {
        var leaks = new[] { renewed, refusedAgain, noRefetch, expectsRefusal }
            .SelectMany(r => r.Files.Append(r.Result.Output))
            .Where(text => text.Contains(secret, StringComparison.Ordinal));

        Assert.That(leaks, Is.Empty);
    }

    /// <summary>The message with the loopback target's port as PORT.</summary>
    private static string Ported(string message) => System.Text.RegularExpressions.Regex.Replace(message.TrimEnd(), @"127\.0\.0\.1:[0-9]+", "127.0.0.1:PORT");

    /// <param name="first">An interaction put before the pact's two, or none.</param>
    private async Task<Run> RunAsync(Target kind, string results, JsonObject? first = null)
    {
        received.Clear();
        var issued = 0;
        await using var target = await LoopbackApp.StartAsync(web =>
        {
            web.MapPost("/oauth/token", () =>
            {
                received.Enqueue("POST /oauth/token");
                var n = Interlocked.Increment(ref issued);
                return n > 1 && kind == Target.GrantsOnlyOneToken
                    ? Results.Json(new { error = "invalid_client" }, statusCode: 401)
                    : Results.Json(new { access_token = $"fetched-notes-token-{n}", expires_in = 3600 });
            });
            web.MapGet("/notes/{id}", (string id, HttpRequest request) =>
            {
                var auth = request.Headers.Authorization.ToString();
                received.Enqueue($"GET /notes/{id} {(auth.Length == 0 ? "(none)" : auth)}");
                return id != "locked" && kind == Target.RevokesTheFirstToken && auth == $"Bearer {Second}" ? Results.Ok() : Results.Json(new { error = "revoked" }, statusCode: 401);
            });
        });
        var files = new Dictionary<string, string>
        {
            ["notes-web-notes.json"] = PactFolderRun.NotesPact([
                .. first is null ? Array.Empty<JsonObject>() : [first],
                PactFolderRun.Read("a note read with the exported token", "Bearer notes-reference-token", 200),
                PactFolderRun.Read("a note read without a token", null, 401)]),
        };
        var environment = new Dictionary<string, string>
        {
            ["CONFORMANCE_NOTES_BASEURL"] = target.BaseUri.ToString(),
            ["CONFORMANCE_NOTES_TOKENURL"] = new Uri(target.BaseUri, "oauth/token").ToString(),
            ["CONFORMANCE_NOTES_CLIENTID"] = "qa-runner",
            ["CONFORMANCE_NOTES_CLIENTSECRET"] = Secret,
        };
        var result = await PactFolderRun.RunAsync(folder, "FullyQualifiedName~PactSuite", files, environment, results);
        var written = Directory.EnumerateFiles(Path.Combine(folder.Path, results), "*", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        return new Run(result, [.. received], written);
    }

    private enum Target
    {
        RevokesTheFirstToken,
        GrantsOnlyOneToken,
        RefusesEveryToken,
    }

    private sealed record Run((int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) Result, IReadOnlyList<string> Received, IReadOnlyList<string> Files);
}
