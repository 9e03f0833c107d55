using System.Collections.Concurrent;
using System.Net.Sockets;
using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// A token request that gets no answer (reset, refused, timed out) names the token endpoint, not the API's base URL.
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

        Assert.That(result.Message, Does.Contain($"got no answer (refused): Connection refused by 127.0.0.1:{closed.Port}: nothing listens there. Check demo.tokenUrl."));
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
