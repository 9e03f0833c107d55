using System.Collections.Concurrent;
using Conformance.Contracts;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// A setup (Packs/setupauth) sent with the fetched token and answered 401: the token is renewed as for a probe (one
/// token request for every case that saw it refused) and the setup sent once more; a second 401 stands.
/// </summary>
public sealed class OAuthSetupRenewalTests
{
    private const string Revoked = "revoked-token-0001";
    private const string Fresh = "fresh-token-0002";

    private static readonly LoadedPack Pack = PackLoader.Load(Path.Combine(AppContext.BaseDirectory, "Packs", "setupauth"), AppContext.BaseDirectory);

    [Test]
    public async Task RunAsync_SetupRefusedWithTheFetchedToken_TokenRenewedAndTheSetupSentAgain()
    {
        await using var api = NotesApi.Start(accepted: Fresh);

        var result = (await RunAsync(api, 1)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
            Assert.That(api.TokenRequests, Is.EqualTo(2));
            Assert.That(api.Seen, Is.EqualTo(new[] { $"POST /notes Bearer {Revoked}", $"POST /notes Bearer {Fresh}", $"GET /notes/501 Bearer {Fresh}" }));
            Assert.That(result.Retried.Select(s => (s.Label, s.Response?.Status)), Is.EqualTo(new[] { ("Setup (create_note)", (int?)401) }), "the refused setup stays in the report");
            Assert.That(result.Curl, Does.Not.Contain(Fresh).And.Not.Contain(Revoked).And.Contain("-H 'Authorization: ***'"));
        });
    }

    [Test]
    public async Task RunAsync_SetupRefusedWithTheFetchedToken_MessageSaysTheSetupWasResentNotTheProbe()
    {
        await using var api = NotesApi.Start(accepted: Fresh);

        var result = (await RunAsync(api, 1)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Message.Split(Environment.NewLine).Where(l => l.StartsWith("RETRIED", StringComparison.Ordinal)), Is.EqualTo(new[]
            {
                "RETRIED setup (create_note) with a new token after 401 Unauthorized to the fetched one (the first answer is kept here; the probe followed the setup sent again)",
            }));
            Assert.That(result.Message, Does.Not.Contain(Fresh).And.Not.Contain(Revoked));
        });
    }

    [Test]
    public async Task RunAsync_ConcurrentSetupsRefusedTheSameToken_OneRefetchForAll()
    {
        await using var api = NotesApi.Start(accepted: Fresh);

        var results = await RunAsync(api, 6);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Has.All.EqualTo(Verdict.Passed), string.Join(Environment.NewLine, results.Select(r => r.Message)));
            Assert.That(api.TokenRequests, Is.EqualTo(2), "one token for the run, one after the refusal: not one per case");
        });
    }

    [Test]
    public async Task RunAsync_SetupRefusedTheNewTokenToo_TheSecond401StandsAsSetupFailed()
    {
        await using var api = NotesApi.Start(accepted: "none-is");

        var result = (await RunAsync(api, 1)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(result.Message, Is.EqualTo(
                "Setup failed, no probe was sent: create_note answered 401 Unauthorized, expected a 2xx" + Environment.NewLine +
                """Body: {"code":"UNAUTHORIZED"}""" + Environment.NewLine +
                $"Reproduce: curl -i -X POST '{api.Base}notes' -H 'Authorization: ***' -H 'Content-Type: application/json' --data-raw '{{\"text\":\"fresh\"}}'"));
            Assert.That(api.TokenRequests, Is.EqualTo(2));
            Assert.That(api.Seen, Is.EqualTo(new[] { $"POST /notes Bearer {Revoked}", $"POST /notes Bearer {Fresh}" }));
        });
    }

    [Test]
    public async Task RunAsync_NoNewTokenForTheRefusedSetup_BrokenSayingWhy()
    {
        await using var api = NotesApi.Start(accepted: Fresh, secondTokenAnswer: (401, """{"error":"invalid_client","error_description":"Client disabled"}"""));

        var result = (await RunAsync(api, 1)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(result.Message.Split(Environment.NewLine)[0], Is.EqualTo(
                $"Setup failed, no probe was sent: create_note answered 401 Unauthorized to the fetched token, and a new one could not be fetched: Token request failed: POST {api.Base}oauth/token answered 401 Unauthorized: invalid_client (Client disabled)"));
            Assert.That(api.Seen, Is.EqualTo(new[] { $"POST /notes Bearer {Revoked}" }));
        });
    }

    private static async Task<IReadOnlyList<CaseResult>> RunAsync(NotesApi api, int cases)
    {
        var settings = new Dictionary<string, string>
        {
            ["setupauth.baseUrl"] = api.Base,
            ["setupauth.allowMutation"] = "true",
            ["setupauth.tokenUrl"] = $"{api.Base}oauth/token",
            ["setupauth.clientId"] = "qa-runner",
            ["setupauth.clientSecret"] = "s3cret-41",
        };
        var row = Pack.Rows.Single();
        return await EngineHarness.RunRowsAsync(Pack, Enumerable.Range(1, cases).Select(i => row with { Id = $"valid-{i}" }), settings);
    }

    /// <summary>
    /// A notes API that accepts only the token <c>accepted</c>, and its token endpoint, which hands out
    /// <see cref="Revoked"/> first and <see cref="Fresh"/> (or <c>secondTokenAnswer</c>) after.
    /// </summary>
    private sealed class NotesApi : IAsyncDisposable
    {
        private readonly ConcurrentQueue<string> seen = new();
        private HostileServer server = null!;
        private int tokenRequests;
        private int next = 500;

        public string Base => server.BaseUri.ToString();

        public int TokenRequests => Volatile.Read(ref tokenRequests);

        public IReadOnlyList<string> Seen => [.. seen];

        public static NotesApi Start(string accepted, (int Status, string Body)? secondTokenAnswer = null)
        {
            var api = new NotesApi();
            api.server = HostileServer.Start(x =>
            {
                if (x.Request.Path == "/oauth/token")
                {
                    var n = Interlocked.Increment(ref api.tokenRequests);
                    var (status, body) = n == 1 ? (200, $$"""{"access_token":"{{Revoked}}","expires_in":3600}""")
                        : secondTokenAnswer ?? (200, $$"""{"access_token":"{{Fresh}}","expires_in":3600}""");
                    return x.RespondAsync(status, status == 200 ? "OK" : "Unauthorized", "application/json", body);
                }

                var auth = x.Request.Headers.FirstOrDefault(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value ?? "(none)";
                api.seen.Enqueue($"{x.Request.Method} {x.Request.Path} {auth}");
                if (auth != $"Bearer {accepted}")
                {
                    return x.RespondAsync(401, "Unauthorized", "application/json", """{"code":"UNAUTHORIZED"}""", "WWW-Authenticate: Bearer");
                }

                return x.Request.Method == "POST"
                    ? x.RespondAsync(201, "Created", "application/json", $$"""{"id":{{Interlocked.Increment(ref api.next)}}}""")
                    : x.RespondAsync(200, "OK", "application/json", $$"""{"id":{{x.Request.Path.Split('/')[^1]}}}""");
            });
            return api;
        }

        public ValueTask DisposeAsync() => server.DisposeAsync();
    }
}
