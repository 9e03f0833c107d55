using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Conformance.Contracts;
using Conformance.Framework.Tests.Hostile;
using Conformance.Probing;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// A staging target without its token (CT0304): the rows that need the credential are not sent and say why; the
/// no_auth and bad_auth rows still run. The embedded reference API keeps using the pack's sample.
/// </summary>
public sealed class MissingCredentialTests
{
    private const string Expected = "No credential, no probe was sent: runsettings:cookieauth.token(1,1): error CT0304: cookieauth.baseUrl points at 127.0.0.1 but no cookieauth.token is set, the pack sends a credential (Cookie: session_id={token}) and this row's probe needs it; sent without it, the answer (a 401) would be reported as the API's failure. Fix: Set <api>.token or CONFORMANCE_<API>_TOKEN (from your secret store); without one only the no_auth and bad_auth rows are sent.";
    private static readonly LoadedPack CookieAuth = PackLoader.Load(Path.Combine(AppContext.BaseDirectory, "Packs", "cookieauth"), AppContext.BaseDirectory);

    [Test]
    public async Task RunAsync_ConfiguredTargetWithoutToken_CredentialRowsBrokenWithoutARequest()
    {
        var cookies = new ConcurrentBag<string>();
        await using var server = HostileServer.Start(x =>
        {
            cookies.Add(x.Request.Headers.FirstOrDefault(h => h.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase)).Value ?? "(none)");
            return x.RespondAsync(401, "Unauthorized", "application/json", """{"error":"no session"}""", "WWW-Authenticate: Cookie");
        });

        var results = await EngineHarness.RunRowsAsync(CookieAuth, CookieAuth.Rows, new Dictionary<string, string> { ["cookieauth.baseUrl"] = server.BaseUri.ToString() });

        Assert.Multiple(() =>
        {
            Assert.That(results.Where(r => r.Verdict == Verdict.Broken).Select(r => r.CaseName), Is.EquivalentTo(new[] { "cookieauth / me / valid -> 200", "cookieauth / me_themed / valid -> 200" }));
            Assert.That(results.Where(r => r.Verdict == Verdict.Broken).Select(r => r.Message), Has.All.EqualTo(Expected));
            Assert.That(results.Where(r => r.Verdict == Verdict.Broken).Select(r => r.Exchange), Has.All.Null);
            Assert.That(results.Where(r => r.Verdict != Verdict.Broken).Select(r => r.Verdict), Has.All.EqualTo(Verdict.Passed));
            Assert.That(cookies, Is.EquivalentTo(new[] { "(none)", "session_id=invalid-token" }), "only no_auth and bad_auth reached the target");
        });
    }

    [Test]
    public async Task RunAsync_ConfiguredTargetWithToken_EveryRowSent()
    {
        var requests = 0;
        await using var server = HostileServer.Start(x =>
        {
            Interlocked.Increment(ref requests);
            return x.RespondAsync(200, "OK", "application/json", """{"user":"ann"}""");
        });

        var results = await EngineHarness.RunRowsAsync(CookieAuth, CookieAuth.Rows, new Dictionary<string, string> { ["cookieauth.baseUrl"] = server.BaseUri.ToString(), ["cookieauth.token"] = "tok-t" });

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Has.None.EqualTo(Verdict.Broken));
            Assert.That(requests, Is.EqualTo(4));
        });
    }

    [TestCase("valid", null, true)]
    [TestCase("no_auth", null, false)]
    [TestCase("bad_auth", null, false)]
    [TestCase("custom", null, true)]
    [TestCase("custom", "false", false)]
    [TestCase("conditional_get", null, true)]
    public void NeedsCredential_Scenario_OnlyTheProbesThatCarryIt(string scenario, string? auth, bool expected)
    {
        var pack = CookieAuth.Pack!;
        var operation = pack.Operations["me"];
        var with = new Dictionary<string, JsonNode?>();
        if (auth is not null)
        {
            with["auth"] = auth;
        }

        var input = new ScenarioInput(pack, operation, Baseline.Build(pack, operation, null), with);

        Assert.That(ScenarioCatalog.Find(scenario)!.NeedsCredential(input), Is.EqualTo(expected));
    }
}
