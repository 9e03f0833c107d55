using System.Collections.Concurrent;
using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;
using Conformance.Tables;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// A fetched token the target refuses before it expires (revoked, rotated): a probe that carried it and was answered 401
/// where the row expects no 401 makes the run fetch a new token, once for all the cases that saw it refused, and sends
/// that probe once more; a second 401 stands. Rows that expect 401 (no_auth, bad_auth, a row expecting 401 with the
/// token) never cause a token request.
/// </summary>
public sealed class OAuthRefetchTests
{
    private const string Revoked = "revoked-token-0001";
    private const string Fresh = "fresh-token-0002";

    [Test]
    public async Task RunAsync_FetchedTokenRevoked_FetchedOnceMoreAndTheProbeSentAgain()
    {
        await using var api = TokenApi.Start(accepted: Fresh);

        var result = (await RunAsync(api, Rows("valid"))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
            Assert.That(api.TokenRequests, Is.EqualTo(2));
            Assert.That(api.Credentials, Is.EqualTo(new[] { $"Bearer {Revoked}", $"Bearer {Fresh}" }));
            Assert.That(result.Retried.Select(s => s.Response?.Status), Is.EqualTo(new int?[] { 401 }), "the refused attempt stays in the report");
            Assert.That(result.Message.Split(Environment.NewLine), Has.Some.EqualTo("RETRIED with a new token after 401 Unauthorized to the fetched one (the first answer is kept here; the verdict is on the retry)"));
        });
    }

    [Test]
    public async Task RunAsync_ConcurrentCasesRefusedTheSameToken_OneRefetchForAll()
    {
        await using var api = TokenApi.Start(accepted: Fresh);
        var valid = Rows("valid").Single();
        var rows = Enumerable.Range(1, 8).Select(i => valid with { Id = $"valid-{i}" }).ToList();

        var results = await RunAsync(api, rows);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Has.All.EqualTo(Verdict.Passed));
            Assert.That(api.TokenRequests, Is.EqualTo(2), "one token for the run, one after the refusal: not one per case");
        });
    }

    [Test]
    public async Task RunAsync_NewTokenRefusedToo_TheSecond401StandsAndNoFurtherTokenRequest()
    {
        await using var api = TokenApi.Start(accepted: "none-is");
        var valid = Rows("valid").Single();

        var results = await RunAsync(api, [valid], [valid]);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Has.All.EqualTo(Verdict.Failed));
            Assert.That(results[0].Message, Does.StartWith("demo / get_thing / valid -> 200  [").And.Contain("FAILED status_code_conformance: "));
            Assert.That(api.TokenRequests, Is.EqualTo(2), "a token fetched after a 401 is not replaced again on its own 401");
            Assert.That(api.Credentials, Is.EqualTo(new[] { $"Bearer {Revoked}", $"Bearer {Fresh}", $"Bearer {Fresh}" }));
        });
    }

    [Test]
    public async Task RunAsync_EndpointHandsOutTheRefusedTokenAgain_NotAskedAgainByLaterCases()
    {
        await using var api = TokenApi.Start(accepted: Fresh, secondTokenAnswer: (200, $$"""{"access_token":"{{Revoked}}","expires_in":3600}"""));
        var valid = Rows("valid").Single();

        var results = await RunAsync(api, [valid], [valid]);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Has.All.EqualTo(Verdict.Failed));
            Assert.That(api.TokenRequests, Is.EqualTo(2));
            Assert.That(api.Credentials, Is.EqualTo(new[] { $"Bearer {Revoked}", $"Bearer {Revoked}", $"Bearer {Revoked}" }));
        });
    }

    [Test]
    public async Task RunAsync_RowsThatExpect401_NoTokenFetchedAgain()
    {
        await using var api = TokenApi.Start(accepted: "none-is");
        var rows = Rows("no_auth", "bad_auth").Append(Rows("valid").Single() with { Expected = [401] }).ToList();

        var results = await RunAsync(api, rows);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Has.All.EqualTo(Verdict.Passed), string.Join(Environment.NewLine, results.Select(r => r.Message)));
            Assert.That(api.TokenRequests, Is.EqualTo(1));
            Assert.That(api.Credentials, Is.EquivalentTo(new[] { "(none)", "Bearer invalid-token", $"Bearer {Revoked}" }));
        });
    }

    [Test]
    public async Task RunAsync_TargetEchoesTheRefetchedToken_BothTokensMaskedEverywhere()
    {
        await using var api = TokenApi.Start(accepted: Fresh, echo: true);
        var masked = new List<string>();

        var result = (await RunAsync(api, [Rows("unknown_id").Single()], redactor => masked.Add(redactor.Text($"{Revoked} {Fresh}")))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Message, Does.Contain("/code: expected \"NOT_FOUND\", received \"Bearer ***\"").And.Not.Contain(Fresh).And.Not.Contain(Revoked));
            Assert.That(result.Curl, Does.Contain("-H 'Authorization: ***'").And.Not.Contain(Fresh));
            Assert.That(masked, Is.EqualTo(new[] { "*** ***" }), "the run's redactor (Allure, scorecard) knows the new token");
        });
    }

    [Test]
    public async Task RunAsync_NewTokenCannotBeFetched_CaseBrokenSayingWhyAndLaterCasesSendNothing()
    {
        await using var api = TokenApi.Start(accepted: Fresh, secondTokenAnswer: (401, """{"error":"invalid_client","error_description":"Client disabled"}"""));
        var valid = Rows("valid").Single();

        var results = await RunAsync(api, [valid], [valid]);

        Assert.Multiple(() =>
        {
            Assert.That(results[0].Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(results[0].Message, Is.EqualTo(
                $"No verdict: the target answered 401 Unauthorized to the fetched token, and a new one could not be fetched: Token request failed: POST {api.Base}oauth/token answered 401 Unauthorized: invalid_client (Client disabled)" + Environment.NewLine +
                $"Reproduce: curl -i -X POST '{api.Base}oauth/token' -H 'Accept: application/json' -H 'Authorization: ***' -H 'Content-Type: application/x-www-form-urlencoded' --data-raw 'grant_type=client_credentials'"));
            Assert.That(results[0].Curl, Is.EqualTo($"curl -i -X GET '{api.Base}things/1' -H 'Accept: application/json' -H 'Authorization: ***'"));
            Assert.That(results[1].Message, Does.StartWith("No credential, no probe was sent: Token request failed: POST "));
            Assert.That(api.TokenRequests, Is.EqualTo(2));
            Assert.That(api.Credentials, Is.EqualTo(new[] { $"Bearer {Revoked}" }));
        });
    }

    [Test]
    public async Task RunAsync_NewTokenAnswered503_RetryCountNamesOnlyThe503Retries()
    {
        await using var api = TokenApi.Start(accepted: Fresh, unavailable: true);

        var result = (await RunAsync(api, Rows("valid"))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(result.Message, Does.StartWith("Inconclusive: still 503 after 2 bounded retries; the target is throttling or unavailable" + Environment.NewLine + "Reproduce: curl -i -X GET '"));
            Assert.That(result.Retried.Select(s => s.Response?.Status), Is.EqualTo(new int?[] { 401, 503, 503 }));
        });
    }

    [Test]
    public async Task RunAsync_DryRun_NothingSent()
    {
        await using var api = TokenApi.Start(accepted: Fresh);

        var results = await RunAsync(api, Rows("valid", "unknown_id"), dryRun: true);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Has.All.EqualTo(Verdict.Skipped));
            Assert.That(api.TokenRequests + api.Credentials.Count, Is.Zero);
        });
    }

    private static List<StatusRow> Rows(params string[] scenarios) =>
        [.. EngineHarness.Demo.Rows.Where(r => r.OperationId == "get_thing" && scenarios.Contains(r.ScenarioId))];

    private static Task<CaseResult[]> RunAsync(TokenApi api, IReadOnlyList<StatusRow> rows, bool dryRun = false) => RunAsync(api, [rows], null, dryRun);

    private static Task<CaseResult[]> RunAsync(TokenApi api, IReadOnlyList<StatusRow> first, IReadOnlyList<StatusRow> then) => RunAsync(api, [first, then], null, false);

    private static Task<CaseResult[]> RunAsync(TokenApi api, IReadOnlyList<StatusRow> rows, Action<Redactor> after) => RunAsync(api, [rows], after, false);

    /// <summary>Runs each batch of rows at once, one batch after the other, in one run.</summary>
    private static async Task<CaseResult[]> RunAsync(TokenApi api, IReadOnlyList<IReadOnlyList<StatusRow>> batches, Action<Redactor>? after, bool dryRun)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["demo.baseUrl"] = api.Base,
            ["demo.tokenUrl"] = $"{api.Base}oauth/token",
            ["demo.clientId"] = "qa-runner",
            ["demo.clientSecret"] = "s3cret-77",
            ["conformance.dryRun"] = dryRun ? "true" : "false",
        };
        using var run = new ConformanceRun(new ContractSet([EngineHarness.Demo]), new SettingsSource(settings.GetValueOrDefault, _ => null), null);
        var results = new List<CaseResult>();
        foreach (var batch in batches)
        {
            results.AddRange(await Task.WhenAll(batch.Select(r => run.Runner.RunAsync(r, CancellationToken.None))));
        }

        after?.Invoke(run.Redactor);
        return [.. results];
    }

    /// <summary>
    /// The demo API, which accepts only the token <c>accepted</c>, and its token endpoint, which hands out
    /// <see cref="Revoked"/> first and <see cref="Fresh"/> (or <c>secondTokenAnswer</c>) after.
    /// </summary>
    private sealed class TokenApi : IAsyncDisposable
    {
        private readonly ConcurrentQueue<string> credentials = new();
        private HostileServer server = null!;
        private int tokenRequests;

        public string Base => server.BaseUri.ToString();

        public int TokenRequests => Volatile.Read(ref tokenRequests);

        public IReadOnlyList<string> Credentials => [.. credentials];

        /// <param name="unavailable">The API answers the accepted token 503 (Retry-After: 0).</param>
        public static TokenApi Start(string accepted, bool echo = false, (int Status, string Body)? secondTokenAnswer = null, bool unavailable = false)
        {
            var api = new TokenApi();
            api.server = HostileServer.Start(x =>
            {
                if (x.Request.Path == "/oauth/token")
                {
                    var n = Interlocked.Increment(ref api.tokenRequests);
                    var (status, body) = n == 1 ? (200, $$"""{"access_token":"{{Revoked}}","expires_in":3600}""")
                        : secondTokenAnswer ?? (200, $$"""{"access_token":"{{Fresh}}","expires_in":3600}""");
                    return x.RespondAsync(status, status == 200 ? "OK" : "Unauthorized", "application/json", body);
                }

                var auth = x.Request.Headers.FirstOrDefault(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value ?? string.Empty;
                api.credentials.Enqueue(auth.Length == 0 ? "(none)" : auth);
                return auth != $"Bearer {accepted}" ? x.RespondAsync(401, "Unauthorized", "application/json", """{"code":"UNAUTHORIZED","message":"no"}""", "WWW-Authenticate: Bearer")
                    : unavailable ? x.RespondAsync(503, "Service Unavailable", "application/json", """{"code":"UNAVAILABLE","message":"later"}""", "Retry-After: 0")
                    : x.Request.Path == "/things/1" ? x.RespondAsync(200, "OK", "application/json", """{"id":"1","name":"widget"}""")
                    : x.RespondAsync(404, "Not Found", "application/json", echo ? $$"""{"code":"{{auth}}","message":"no such thing"}""" : """{"code":"NOT_FOUND","message":"no such thing"}""");
            });
            return api;
        }

        public ValueTask DisposeAsync() => server.DisposeAsync();
    }
}
