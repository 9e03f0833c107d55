using System.Collections.Concurrent;
using System.Net.Sockets;
using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// A token request that gets no answer (reset, refused, timed out) is sent again, up to 3 attempts 1 s and 2 s apart,
/// so a staging hop's blip does not break every row of the night; a request that was answered (invalid_client) is never
/// repeated, and after the last attempt the rows that need the token are broken saying how many were made.
/// </summary>
public sealed class OAuthRetryTests
{
    private const string Token = "fetched-access-5e1b09";

    [Test]
    public async Task RunAsync_TokenEndpointRefusesConnections_MessageNamesTheTokenUrl()
    {
        using var closed = new ClosedPort();
        await using var api = Start((_, x) => throw new AssertionException("the token endpoint is elsewhere"), out _);
        var tokenUrl = $"http://127.0.0.1:{closed.Port}/oauth/token";

        var result = (await RunAsync(Settings(api, tokenUrl), new InstantTime(), "valid")).Single();

        Assert.That(result.Message, Does.Contain($"got no answer (refused): Connection refused by 127.0.0.1:{closed.Port}: nothing listens there. Check demo.tokenUrl (CONFORMANCE_DEMO_TOKENURL)."));
    }

    [Test]
    public async Task RunAsync_TokenRequestResetTwice_SentAThirdTimeAfterABackoffAndTheCasePasses()
    {
        await using var api = Start((n, x) => n <= 2 ? Reset(x) : Issue(x), out var tokenRequests);
        var time = new InstantTime();

        var result = (await RunAsync(Settings(api), time, "valid")).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
            Assert.That(tokenRequests(), Is.EqualTo(3));
            Assert.That(time.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) }));
        });
    }

    [Test]
    public async Task RunAsync_TokenEndpointRefusesEveryAttempt_BrokenSayingHowManyAttemptsWereMade()
    {
        using var closed = new ClosedPort();
        await using var api = Start((_, x) => throw new AssertionException("the token endpoint is elsewhere"), out _);
        var tokenUrl = $"http://127.0.0.1:{closed.Port}/oauth/token";
        var time = new InstantTime();

        var result = (await RunAsync(Settings(api, tokenUrl), time, "valid")).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(result.Message, Is.EqualTo(
                $"No credential, no probe was sent: Token request failed after 3 attempts: POST {tokenUrl} got no answer (refused): Connection refused by 127.0.0.1:{closed.Port}: nothing listens there. Check demo.tokenUrl (CONFORMANCE_DEMO_TOKENURL)." + Environment.NewLine +
                $"Reproduce: curl -i -X POST '{tokenUrl}' -H 'Accept: application/json' -H 'Authorization: ***' -H 'Content-Type: application/x-www-form-urlencoded' --data-raw 'grant_type=client_credentials'"));
            Assert.That(time.Waits, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task RunAsync_TokenRequestNeverAnswered_TheAttemptsNotRepeatedByLaterCasesAndNoAuthStillRuns()
    {
        await using var api = Start((_, x) => Reset(x), out var tokenRequests);

        var results = await RunAsync(Settings(api), new InstantTime(), "valid", "unknown_id", "no_auth");

        var broken = results.Where(r => r.Verdict == Verdict.Broken).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(broken, Has.Count.EqualTo(2));
            Assert.That(broken.Select(r => r.Message), Has.All.StartWith($"No credential, no probe was sent: Token request failed after 3 attempts: POST {api.BaseUri}oauth/token got no answer ("));
            Assert.That(tokenRequests(), Is.EqualTo(3), "3 attempts for the run, not per case");
            Assert.That(results.Single(r => r.Row!.ScenarioId == "no_auth").Verdict, Is.EqualTo(Verdict.Passed));
        });
    }

    [Test]
    public async Task RunAsync_TokenEndpointResetsEveryAttempt_MessageNamesTheTokenUrlNotTransportRetries()
    {
        await using var api = Start((_, x) => Reset(x), out _);

        var result = (await RunAsync(Settings(api), new InstantTime(), "valid")).Single();

        Assert.That(result.Message.Split(Environment.NewLine)[0], Is.EqualTo(
            $"No credential, no probe was sent: Token request failed after 3 attempts: POST {api.BaseUri}oauth/token got no answer (reset): "
            + $"The connection to 127.0.0.1:{api.BaseUri.Port} was reset before a complete response (Connection reset by peer). Check demo.tokenUrl (CONFORMANCE_DEMO_TOKENURL)."));
    }

    [Test]
    public async Task RunAsync_TokenHostThatCannotResolve_DnsMessageNamesTheTokenUrl()
    {
        await using var api = Start((_, x) => throw new AssertionException("the token endpoint is elsewhere"), out _);

        var result = (await RunAsync(Settings(api, "http://conformance-token.invalid/oauth/token"), new InstantTime(), "valid")).Single();

        Assert.That(result.Message.Split(Environment.NewLine)[0], Is.EqualTo(
            "No credential, no probe was sent: Token request failed: POST http://conformance-token.invalid/oauth/token got no answer (dns): "
            + "The host name of conformance-token.invalid:80 could not be resolved (DNS): no such host is known from here. Check demo.tokenUrl (CONFORMANCE_DEMO_TOKENURL)."));
    }

    [Test]
    public async Task RunAsync_TokenRequestResetThenAnsweredInvalidClient_TheAnswerNotRepeated()
    {
        await using var api = Start((n, x) => n == 1 ? Reset(x) : x.RespondAsync(401, "Unauthorized", "application/json", """{"error":"invalid_client","error_description":"Client authentication failed"}"""), out var tokenRequests);

        var result = (await RunAsync(Settings(api), new InstantTime(), "valid")).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Message.Split(Environment.NewLine)[0], Is.EqualTo(
                $"No credential, no probe was sent: Token request failed after 2 attempts: POST {api.BaseUri}oauth/token answered 401 Unauthorized: invalid_client (Client authentication failed)"));
            Assert.That(tokenRequests(), Is.EqualTo(2), "an answer, even a refusal, is not asked again");
        });
    }

    [Test]
    public async Task RunAsync_TokenRequestTimesOutOnce_SentAgainAndTheCasePasses()
    {
        await using var api = Start(async (n, x) =>
        {
            if (n == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), x.Stopping);
            }

            await Issue(x);
        }, out var tokenRequests);
        var settings = Settings(api);
        settings["conformance.timeoutSeconds"] = "0.5";

        var result = (await RunAsync(settings, new InstantTime(), "valid")).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
            Assert.That(tokenRequests(), Is.EqualTo(2));
        });
    }

    [TestCase(502, "Bad Gateway")]
    [TestCase(503, "Service Unavailable")]
    [TestCase(504, "Gateway Timeout")]
    [TestCase(429, "Too Many Requests")]
    public async Task RunAsync_TokenEndpointAnswersTransientStatusTwice_SentAThirdTimeAfterTheBackoffAndTheCasePasses(int status, string reason)
    {
        await using var api = Start((n, x) => n <= 2 ? x.RespondAsync(status, reason, "text/plain", "try later") : Issue(x), out var tokenRequests);
        var time = new InstantTime();

        var result = (await RunAsync(Settings(api), time, "valid")).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
            Assert.That(tokenRequests(), Is.EqualTo(3));
            Assert.That(time.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) }));
        });
    }

    [Test]
    public async Task RunAsync_TokenEndpointAnswersRetryAfter_WaitsItCappedAtMaxRetryWait()
    {
        await using var api = Start((n, x) => n switch
        {
            1 => x.RespondAsync(429, "Too Many Requests", "application/json", """{"error":"slow_down"}""", "Retry-After: 30"),
            2 => x.RespondAsync(503, "Service Unavailable", "text/plain", "maintenance", "Retry-After: 2"),
            _ => Issue(x),
        }, out var tokenRequests);
        var settings = Settings(api);
        settings["conformance.maxRetryWaitSeconds"] = "4";
        var time = new InstantTime();

        var result = (await RunAsync(settings, time, "valid")).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
            Assert.That(tokenRequests(), Is.EqualTo(3));
            Assert.That(time.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(2) }));
        });
    }

    [Test]
    public async Task RunAsync_TokenRequestResetTwiceWithAShortMaxRetryWait_BackoffCappedAtIt()
    {
        await using var api = Start((n, x) => n <= 2 ? Reset(x) : Issue(x), out var tokenRequests);
        var settings = Settings(api);
        settings["conformance.maxRetryWaitSeconds"] = "1";
        var time = new InstantTime();

        var result = (await RunAsync(settings, time, "valid")).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
            Assert.That(tokenRequests(), Is.EqualTo(3));
            Assert.That(time.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1) }), "1 s, then 2 s capped at conformance.maxRetryWaitSeconds");
        });
    }

    [Test]
    public async Task RunAsync_TokenEndpointAnswers503EveryAttempt_BrokenSayingHowManyAttemptsWereMade()
    {
        await using var api = Start((_, x) => x.RespondAsync(503, "Service Unavailable", "application/json", """{"error":"temporarily_unavailable","error_description":"Upstream down"}"""), out var tokenRequests);
        var time = new InstantTime();

        var result = (await RunAsync(Settings(api), time, "valid", "unknown_id"))[0];

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(result.Message.Split(Environment.NewLine)[0], Is.EqualTo(
                $"No credential, no probe was sent: Token request failed after 3 attempts: POST {api.BaseUri}oauth/token answered 503 Service Unavailable: temporarily_unavailable (Upstream down)"));
            Assert.That(tokenRequests(), Is.EqualTo(3), "3 attempts for the run, not per case");
            Assert.That(time.Waits, Has.Count.EqualTo(2));
        });
    }

    [TestCase(400, "Bad Request")]
    [TestCase(401, "Unauthorized")]
    [TestCase(403, "Forbidden")]
    public async Task RunAsync_TokenEndpointRefusesTheClient_AskedOnceOnly(int status, string reason)
    {
        await using var api = Start((_, x) => x.RespondAsync(status, reason, "application/json", """{"error":"invalid_client"}"""), out var tokenRequests);
        var time = new InstantTime();

        var result = (await RunAsync(Settings(api), time, "valid")).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Message.Split(Environment.NewLine)[0], Is.EqualTo(
                $"No credential, no probe was sent: Token request failed: POST {api.BaseUri}oauth/token answered {status} {reason}: invalid_client"));
            Assert.That(tokenRequests(), Is.EqualTo(1));
            Assert.That(time.Waits, Is.Empty);
        });
    }

    private static Dictionary<string, string> Settings(HostileServer api, string? tokenUrl = null) => new(StringComparer.Ordinal)
    {
        ["demo.baseUrl"] = api.BaseUri.ToString(),
        ["demo.tokenUrl"] = tokenUrl ?? $"{api.BaseUri}oauth/token",
        ["demo.clientId"] = "qa-runner",
        ["demo.clientSecret"] = "s3cret-9d",
    };

    private static async Task<IReadOnlyList<CaseResult>> RunAsync(Dictionary<string, string> settings, TimeProvider time, params string[] scenarios)
    {
        var pack = EngineHarness.Demo;
        using var run = new ConformanceRun(new ContractSet([pack]), new SettingsSource(settings.GetValueOrDefault, _ => null), null) { Time = time };
        return await Task.WhenAll(pack.Rows.Where(r => r.OperationId == "get_thing" && scenarios.Contains(r.ScenarioId)).Select(r => run.Runner.RunAsync(r, CancellationToken.None)));
    }

    /// <summary>
    /// The demo API, which takes only <see cref="Token"/>, and its token endpoint (<c>/oauth/token</c>), whose n-th request
    /// (from 1) <paramref name="token"/> answers; <paramref name="tokenRequests"/> counts them.
    /// </summary>
    private static HostileServer Start(Func<int, HostileExchange, Task> token, out Func<int> tokenRequests)
    {
        var count = 0;
        tokenRequests = () => Volatile.Read(ref count);
        return HostileServer.Start(x =>
        {
            if (x.Request.Path == "/oauth/token")
            {
                return token(Interlocked.Increment(ref count), x);
            }

            var auth = x.Request.Headers.FirstOrDefault(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value;
            return auth != $"Bearer {Token}" ? x.RespondAsync(401, "Unauthorized", "application/json", """{"code":"UNAUTHORIZED","message":"no"}""", "WWW-Authenticate: Bearer")
                : x.Request.Path == "/things/1" ? x.RespondAsync(200, "OK", "application/json", """{"id":"1","name":"widget"}""")
                : x.RespondAsync(404, "Not Found", "application/json", """{"code":"NOT_FOUND","message":"no such thing"}""");
        });
    }

    /// <summary>Resets the connection without an answer.</summary>
    private static Task Reset(HostileExchange x)
    {
        x.Socket.LingerState = new LingerOption(true, 0);
        x.Socket.Close();
        return Task.CompletedTask;
    }

    private static Task Issue(HostileExchange x) => x.RespondAsync(200, "OK", "application/json", $$"""{"access_token":"{{Token}}","token_type":"Bearer","expires_in":3600}""");
}
