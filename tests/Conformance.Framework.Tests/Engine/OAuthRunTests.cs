using System.Collections.Concurrent;
using System.Text;
using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Reporting;
using Conformance.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// A staging target whose token is fetched from an OAuth 2.0 token endpoint (<c>demo.tokenUrl</c>) instead of set: one
/// token request for the run, the token sent by every case that needs it and masked everywhere, fetched again before it
/// expires; a failed token request breaks the rows that need the token, once, saying why, and no_auth still runs.
/// </summary>
public sealed class OAuthRunTests
{
    private const string Token = "fetched-access-7f3a9c21";

    [Test]
    public async Task RunAsync_ClientCredentials_OneTokenRequestAndEveryCaseSendsTheToken()
    {
        await using var api = Api.Start((200, $$"""{"access_token":"{{Token}}","token_type":"Bearer","expires_in":3600}"""));

        var results = await RunAsync(api, Settings(api));

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Has.All.EqualTo(Verdict.Passed), string.Join(Environment.NewLine, results.Select(r => r.Message)));
            Assert.That(api.TokenRequests.Single(), Is.EqualTo($"Authorization: Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("qa-runner:s3cr%2Ft+x"))}|grant_type=client_credentials&scope=read%20write"), "RFC 6749 2.3.1: each part form-encoded, then Base64");
            Assert.That(api.Credentials.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "(none)", $"Bearer {Token}", "Bearer invalid-token" }));
        });
    }

    [Test]
    public async Task RunAsync_TargetEchoesTheFetchedToken_MaskedInMessageAndCurl()
    {
        await using var api = Api.Start((200, $$"""{"access_token":"{{Token}}","expires_in":3600}"""), echo: true);

        var results = await RunAsync(api, Settings(api), "unknown_id");

        var unknown = results.Single();
        Assert.Multiple(() =>
        {
            Assert.That(unknown.Verdict, Is.EqualTo(Verdict.Failed));
            Assert.That(unknown.Message, Does.Contain("/code: expected \"NOT_FOUND\", received \"Bearer ***\"").And.Not.Contain(Token));
            Assert.That(unknown.Curl, Does.Contain("-H 'Authorization: ***'").And.Not.Contain(Token));
        });
    }

    [Test]
    public async Task RunAsync_TargetEchoesTheRefreshTokenHandedOut_Masked()
    {
        // The token answer's refresh_token (rotated at each fetch) is a credential as much as the access token.
        await using var api = Api.Start((200, $$"""{"access_token":"{{Token}}","refresh_token":"rotated-refresh-LEAK-77","expires_in":3600}"""), echo: true);
        api.Echo = "rotated-refresh-LEAK-77";

        var unknown = (await RunAsync(api, Settings(api), "unknown_id")).Single();

        Assert.That(unknown.Message, Does.Contain("/code: expected \"NOT_FOUND\", received \"***\"").And.Not.Contain("LEAK"));
    }

    [Test]
    public async Task RunAsync_TokenEndpointRejectsTheClient_CredentialRowsBrokenOnceAndNoAuthStillRuns()
    {
        await using var api = Api.Start((401, """{"error":"invalid_client","error_description":"Client authentication failed","refresh_token":"never-shown-9z"}"""));

        var results = await RunAsync(api, Settings(api));

        var broken = results.Where(r => r.Verdict == Verdict.Broken).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(broken.Select(r => r.CaseName), Is.EquivalentTo(new[] { "demo / get_thing / valid -> 200" }));
            Assert.That(broken.Single().Message, Is.EqualTo(
                $"No credential, no probe was sent: Token request failed: POST {api.Base}oauth/token answered 401 Unauthorized: invalid_client (Client authentication failed)" + Environment.NewLine +
                $"Reproduce: curl -i -X POST '{api.Base}oauth/token' -H 'Accept: application/json' -H 'Authorization: ***' -H 'Content-Type: application/x-www-form-urlencoded' --data-raw 'grant_type=client_credentials&scope=read%20write'"));
            Assert.That(results.Where(r => r.Verdict != Verdict.Broken).Select(r => r.Verdict), Has.All.EqualTo(Verdict.Passed));
            Assert.That(api.TokenRequests, Has.Count.EqualTo(1), "a failed token request is not repeated per case");
        });
    }

    [TestCase(200, """{"token_type":"Bearer","refresh_token":"never-shown-9z"}""", "answered 200 OK without an access_token (the body has: token_type, refresh_token)")]
    [TestCase(200, "access_token=abc", "answered 200 OK with a body that is not JSON")]
    [TestCase(500, "<html>down</html>", "answered 500 Internal Server Error with a body that is not JSON: <html>down</html>")]
    [TestCase(400, "{}", "answered 400 Bad Request, expected 200 with an access_token")]
    [TestCase(200, """{"access_token":"at-\uD800-never-shown"}""", "answered 200 OK with a body whose text cannot be read (a string at line 1, byte 17 holds \\uD800, an escaped lone surrogate: it names no Unicode character, so the text cannot be read (RFC 8259 8.2))")]
    public async Task RunAsync_TokenAnswerUnusable_BrokenSayingWhatCameBackWithoutOtherSecrets(int status, string body, string expected)
    {
        await using var api = Api.Start((status, body));

        var message = (await RunAsync(api, Settings(api), "valid")).Single().Message!;

        Assert.That(message.Split(Environment.NewLine)[0], Is.EqualTo($"No credential, no probe was sent: Token request failed: POST {api.Base}oauth/token {expected}"));
    }

    [Test]
    public async Task RunAsync_TokenAboutToExpire_FetchedAgainAndTheNewOneSent()
    {
        var clock = new StepClock();
        await using var api = Api.Start((200, """{"access_token":"first-token-0001","expires_in":600}"""));
        var pack = EngineHarness.Demo;
        var row = pack.Rows.Single(r => r.OperationId == "get_thing" && r.ScenarioId == "valid");
        using var run = new ConformanceRun(new ContractSet([pack]), new SettingsSource(Settings(api).GetValueOrDefault, _ => null), null) { Time = clock };

        await run.Runner.RunAsync(row, CancellationToken.None);
        clock.Now += TimeSpan.FromSeconds(530); // 70 s left: more than a minute, kept
        await run.Runner.RunAsync(row, CancellationToken.None);
        api.TokenAnswer = (200, """{"access_token":"second-token-0002","expires_in":600}""");
        clock.Now += TimeSpan.FromSeconds(20); // 50 s left: fetched again
        var last = await run.Runner.RunAsync(row, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(api.TokenRequests, Has.Count.EqualTo(2));
            Assert.That(api.Credentials, Is.EqualTo(new[] { "Bearer first-token-0001", "Bearer first-token-0001", "Bearer second-token-0002" }));
            Assert.That(last.Verdict, Is.EqualTo(Verdict.Passed), last.Message);
        });
    }

    [Test]
    public async Task RunAsync_DryRun_NoTokenRequestAndTheCredentialMasked()
    {
        await using var api = Api.Start((200, $$"""{"access_token":"{{Token}}"}"""));
        var settings = Settings(api);
        settings["conformance.dryRun"] = "true";

        var valid = (await RunAsync(api, settings, "valid")).Single();

        Assert.Multiple(() =>
        {
            Assert.That(api.TokenRequests, Is.Empty);
            Assert.That(valid.Message, Is.EqualTo($"Dry run (conformance.dryRun=true): nothing sent; would send: curl -i -X GET '{api.Base}things/1' -H 'Accept: application/json' -H 'Authorization: ***'"));
        });
    }

    private static Dictionary<string, string> Settings(Api api) => new(StringComparer.Ordinal)
    {
        ["demo.baseUrl"] = api.Base,
        ["demo.tokenUrl"] = $"{api.Base}oauth/token",
        ["demo.clientId"] = "qa-runner",
        ["demo.clientSecret"] = "s3cr/t x",
        ["demo.tokenScope"] = "read write",
    };

    private static Task<IReadOnlyList<CaseResult>> RunAsync(Api api, Dictionary<string, string> settings, params string[] scenarios)
    {
        _ = api;
        var pick = scenarios.Length == 0 ? ["valid", "no_auth", "bad_auth"] : scenarios;
        return EngineHarness.RunRowsAsync(EngineHarness.Demo, EngineHarness.Demo.Rows.Where(r => r.OperationId == "get_thing" && pick.Contains(r.ScenarioId)), settings);
    }

    private sealed class StepClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 30, 3, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>The token endpoint and the demo API on one loopback server.</summary>
    private sealed class Api : IAsyncDisposable
    {
        private WebApplication app = null!;

        public ConcurrentQueue<string> TokenRequests { get; } = new();

        public ConcurrentQueue<string> Credentials { get; } = new();

        public (int Status, string Body) TokenAnswer { get; set; }

        /// <summary>What an echoing target quotes in its 404 body instead of the Authorization header it received.</summary>
        public string? Echo { get; set; }

        public string Base => app.Urls.First() + "/";

        public static Api Start((int Status, string Body) answer, bool echo = false)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var api = new Api { TokenAnswer = answer, app = builder.Build() };
            api.app.Run(ctx => api.HandleAsync(ctx, echo));
            api.app.StartAsync().GetAwaiter().GetResult();
            return api;
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();

        private async Task HandleAsync(HttpContext ctx, bool echo)
        {
            var auth = ctx.Request.Headers.Authorization.ToString();
            if (ctx.Request.Path == "/oauth/token")
            {
                using var reader = new StreamReader(ctx.Request.Body);
                TokenRequests.Enqueue($"Authorization: {auth}|{await reader.ReadToEndAsync()}");
                var (status, body) = TokenAnswer;
                ctx.Response.StatusCode = status;
                ctx.Response.ContentType = body.StartsWith('{') ? "application/json" : "text/html";
                await ctx.Response.WriteAsync(body);
                return;
            }

            Credentials.Enqueue(auth.Length == 0 ? "(none)" : auth);
            var accepted = auth.StartsWith("Bearer ", StringComparison.Ordinal) && !auth.EndsWith("invalid-token", StringComparison.Ordinal);
            ctx.Response.StatusCode = accepted ? 200 : 401;
            ctx.Response.ContentType = "application/json";
            if (!accepted)
            {
                ctx.Response.Headers.WWWAuthenticate = "Bearer";
            }

            if (accepted && ctx.Request.Path != "/things/1")
            {
                ctx.Response.StatusCode = 404;
                await ctx.Response.WriteAsync(echo ? $$"""{"code":"{{Echo ?? auth}}","message":"no such thing"}""" : """{"code":"NOT_FOUND","message":"no such thing"}""");
                return;
            }

            await ctx.Response.WriteAsync(accepted ? """{"id":"1","name":"widget"}""" : """{"code":"UNAUTHORIZED","message":"no"}""");
        }
    }
}
