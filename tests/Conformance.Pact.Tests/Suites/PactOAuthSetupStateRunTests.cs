using System.Collections.Concurrent;
using Conformance.Pact.Export;
using Conformance.Pact.Tests.Export;
using Conformance.Pact.Tests.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// The exported notes pact's delete_note / valid interaction (its provider state runs the setup create_note) verified
/// against a loopback notes API whose token is fetched (CONFORMANCE_NOTES_TOKENURL) and that has revoked the first
/// token it issued: the state's setup, refused with 401, is sent once more with a token fetched again, and the
/// interaction then carries that new token; a failed refetch fails the state saying why, and a second 401 stands.
/// </summary>
[NonParallelizable]
public sealed class PactOAuthSetupStateRunTests
{
    private const string Delete = "notes / delete_note / valid -> 200";
    private const string State = "setup create_note (captures deletable_note_id; cleanup delete_note)";
    private const string First = "fetched-notes-token-1";
    private const string Second = "fetched-notes-token-2";
    private readonly ConcurrentQueue<string> received = new();
    private TempFolder folder = null!;
    private string tokenUrl = string.Empty;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) renewed;
    private string[] receivedRenewed = [];
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) noRefetch;
    private string[] receivedNoRefetch = [];
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) refusedAgain;
    private string[] receivedRefusedAgain = [];

    [OneTimeSetUp]
    public async Task RunSuitesAsync()
    {
        folder = new TempFolder();
        renewed = await RunAsync(Target.RevokesTheFirstToken, "renewed");
        receivedRenewed = [.. received];
        noRefetch = await RunAsync(Target.GrantsOnlyOneToken, "no-refetch");
        receivedNoRefetch = [.. received];
        refusedAgain = await RunAsync(Target.RefusesEveryToken, "refused-again");
        receivedRefusedAgain = [.. received];
    }

    [OneTimeTearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public void Run_SetupAnswered401ToFetchedToken_SentAgainWithNewTokenAndInteractionCarriesIt()
    {
        var delete = renewed.Cases.Single(c => c.Name.EndsWith(Delete, StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(delete.Outcome, Is.EqualTo("Passed"), delete.Message + renewed.Output);
            Assert.That(receivedRenewed, Is.EqualTo(new[]
            {
                "POST /oauth/token",
                $"POST /v1/notes Bearer {First}",
                "POST /oauth/token",
                $"POST /v1/notes Bearer {Second}",
                $"DELETE /v1/notes/70002 Bearer {Second}",
                $"DELETE /v1/notes/70002 Bearer {Second}",
            }));
            Assert.That(renewed.Output, Does.Not.Contain(First).And.Not.Contain(Second));
        });
    }

    [Test]
    public void Run_SetupAnswered401AndRefetchFails_StateFailsSayingWhy()
    {
        var delete = noRefetch.Cases.Single(c => c.Name.EndsWith(Delete, StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(delete.Outcome, Is.EqualTo("Failed"));
            Assert.That(Ported(delete.Message), Is.EqualTo(string.Join(Environment.NewLine,
                $"BROKEN (no verdict): Provider state '{State}': Setup failed, no probe was sent: create_note answered 401 Unauthorized to the fetched token, and a new one could not be fetched: Token request failed: POST {Ported(tokenUrl)} answered 401 Unauthorized: invalid_client",
                "Reproduce: curl -i -X POST 'http://127.0.0.1:PORT/oauth/token' -H 'Accept: application/json' -H 'Authorization: ***' -H 'Content-Type: application/x-www-form-urlencoded' --data-raw 'grant_type=client_credentials'")));
            Assert.That(receivedNoRefetch, Is.EqualTo(new[] { "POST /oauth/token", $"POST /v1/notes Bearer {First}", "POST /oauth/token" }), "no interaction request, no cleanup");
            Assert.That(noRefetch.Output, Does.Not.Contain(First).And.Not.Contain("client-secret-5c1e"));
        });
    }

    [Test]
    public void Run_SetupAnswered401ToRenewedTokenToo_SecondRefusalStands()
    {
        var delete = refusedAgain.Cases.Single(c => c.Name.EndsWith(Delete, StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(Ported(delete.Message), Does.StartWith(
                $"BROKEN (no verdict): Provider state '{State}': Setup failed, no probe was sent: create_note answered 401 Unauthorized, expected a 2xx{Environment.NewLine}Body: {{\"error\":\"revoked\"}}"));
            Assert.That(receivedRefusedAgain, Is.EqualTo(new[]
            {
                "POST /oauth/token",
                $"POST /v1/notes Bearer {First}",
                "POST /oauth/token",
                $"POST /v1/notes Bearer {Second}",
            }));
        });
    }

    /// <summary>The message with the loopback target's port as PORT.</summary>
    private static string Ported(string message) => System.Text.RegularExpressions.Regex.Replace(message.TrimEnd(), @"127\.0\.0\.1:[0-9]+", "127.0.0.1:PORT");

    private async Task<(int ExitCode, IReadOnlyList<TrxCase> Cases, string Output)> RunAsync(Target kind, string results)
    {
        received.Clear();
        var notes = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var next = 70000;
        var issued = 0;
        bool Accepted(HttpRequest request) => kind != Target.RefusesEveryToken && request.Headers.Authorization.ToString() == $"Bearer {Second}";
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
            web.MapPost("/v1/notes", (HttpRequest request) =>
            {
                received.Enqueue($"POST /v1/notes {request.Headers.Authorization}");
                var id = Interlocked.Increment(ref next);
                if (!Accepted(request))
                {
                    return Results.Json(new { error = "revoked" }, statusCode: 401);
                }

                notes[id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = true;
                return Results.Json(new { ok = true, id }, statusCode: 201);
            });
            web.MapDelete("/v1/notes/{id}", (string id, HttpRequest request) =>
            {
                received.Enqueue($"DELETE /v1/notes/{id} {request.Headers.Authorization}");
                return !Accepted(request) ? Results.Json(new { error = "revoked" }, statusCode: 401)
                    : notes.TryRemove(id, out _) ? Results.Json(new { ok = true, id = int.Parse(id, System.Globalization.CultureInfo.InvariantCulture) })
                    : Results.Json(new { error = "no such note" }, statusCode: 404);
            });
        });
        tokenUrl = new Uri(target.BaseUri, "oauth/token").ToString();
        var export = PactExporter.Export(ExportedPacks.Contracts.Find("notes")!);
        var pact = export.Pact with { Interactions = [.. export.Pact.Interactions.Where(i => i.Description == Delete)] };
        var written = PactWriter.Write(pact, Path.Combine(folder.Path, "export-" + results));
        var environment = new Dictionary<string, string>
        {
            ["CONFORMANCE_NOTES_BASEURL"] = target.BaseUri.ToString(),
            ["CONFORMANCE_NOTES_TOKENURL"] = tokenUrl,
            ["CONFORMANCE_NOTES_CLIENTID"] = "qa-runner",
            ["CONFORMANCE_NOTES_CLIENTSECRET"] = "client-secret-5c1e",
            ["CONFORMANCE_NOTES_ALLOWMUTATION"] = "true",
        };
        var files = new Dictionary<string, string> { ["conformance-notes-notes.json"] = await File.ReadAllTextAsync(written) };
        return await PactFolderRun.RunAsync(folder, "FullyQualifiedName~PactSuite", files, environment, results);
    }

    private enum Target
    {
        RevokesTheFirstToken,
        GrantsOnlyOneToken,
        RefusesEveryToken,
    }
}
