using System.Collections.Concurrent;
using Conformance.Contracts;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// <c>auth: cookie: session_id</c> (Packs/cookieauth): the credential travels as <c>Cookie: session_id=...</c>, the
/// auth scenarios take it away or spoil it, and a misplaced <c>auth</c> is reported when the pack loads.
/// </summary>
public sealed class CookieAuthTests
{
    private const string Session = "ck-4f1b9e";
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Packs", "cookieauth");

    [Test]
    public void Load_CookieAuth_CookieHeaderCarryingTheNamedCookie()
    {
        var auth = PackLoader.Load(Folder, AppContext.BaseDirectory).Pack!.Auth!;

        Assert.Multiple(() =>
        {
            Assert.That(auth.Header, Is.EqualTo("Cookie"));
            Assert.That(auth.Render("abc"), Is.EqualTo("session_id=abc"));
            Assert.That(auth.Cookie, Is.EqualTo("session_id"));
            Assert.That(auth.QueryParameter, Is.Null);
        });
    }

    [Test]
    public async Task RunAsync_TargetCheckingTheCookie_AllPassAndTheCredentialJoinsTheOperationsCookies()
    {
        var seen = new ConcurrentBag<string>();
        await using var server = HostileServer.Start(x =>
        {
            var cookie = x.Request.Headers.FirstOrDefault(h => h.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase)).Value ?? "(none)";
            seen.Add(cookie);
            return cookie.Split("; ").Contains($"session_id={Session}")
                ? x.RespondAsync(200, "OK", "application/json", """{"user":"ann"}""")
                : x.RespondAsync(401, "Unauthorized", "application/json", """{"error":"no session"}""", "WWW-Authenticate: Cookie");
        });

        var results = await RunAsync(server.BaseUri);

        Assert.Multiple(() =>
        {
            Assert.That(results.Where(r => r.Verdict != Verdict.Passed).Select(r => r.Message), Is.Empty);
            Assert.That(seen, Is.EquivalentTo(new[] { $"session_id={Session}", "(none)", "session_id=invalid-token", $"theme=dark; session_id={Session}" }));
            Assert.That(results.Select(r => r.Curl), Has.All.Not.Contain(Session));
        });
    }

    [Test]
    public async Task RunAsync_TargetIgnoringTheCookie_NoAuthAndBadAuthFail()
    {
        await using var server = HostileServer.Start(x => x.RespondAsync(200, "OK", "application/json", """{"user":"ann"}"""));

        var results = await RunAsync(server.BaseUri);

        var failed = results.Where(r => r.Verdict == Verdict.Failed).ToDictionary(r => r.CaseName, r => r.Failures.Select(c => c.CheckId));
        Assert.That(failed.Keys, Is.EquivalentTo(new[] { "cookieauth / me / no_auth -> 401", "cookieauth / me / bad_auth -> 401" }));
        Assert.That(failed.Values, Has.All.Contain("status_code_conformance"));
    }

    [TestCase("  cookie: session_id\n  header: X-Session\n", "cookieauth/api.yaml(4,3): error CT0122: auth names 'header' and 'cookie', the credential goes to one place. Fix: Keep one of them.")]
    [TestCase("  cookie: \"my session\"\n", "cookieauth/api.yaml(4,3): error CT0122: auth cookie 'my session' is not a cookie name, a cookie name is a token: no spaces, '=', ';', ',' or quotes. Fix: Use the name the API's Set-Cookie gives, e.g. session_id.")]
    [TestCase("  cokie: session_id\n", "cookieauth/api.yaml(4,3): error CT0106: auth needs 'header', 'query' or 'cookie', the probe must know where the credential goes. Fix: Add the key the message names.")]
    public void Load_MisplacedAuth_OneErrorSayingWhatAndHow(string auth, string expected)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cookieauth-" + Guid.NewGuid().ToString("N"), "cookieauth");
        try
        {
            CopyPack(folder, File.ReadAllText(Path.Combine(Folder, "api.yaml")).Replace("  cookie: session_id\n", auth, StringComparison.Ordinal));

            var loaded = PackLoader.Load(folder, Path.GetDirectoryName(folder)!);

            var diagnostics = loaded.Invalid.SelectMany(i => i.Diagnostics).Select(d => d.ToString()).ToList();
            Assert.That(diagnostics, Has.Member(expected), string.Join(Environment.NewLine, diagnostics));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    private static void CopyPack(string folder, string apiYaml)
    {
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(folder, "api.yaml"), apiYaml);
    }

    private static async Task<IReadOnlyList<CaseResult>> RunAsync(Uri baseUrl)
    {
        var pack = PackLoader.Load(Folder, AppContext.BaseDirectory);
        return await EngineHarness.RunRowsAsync(pack, pack.Rows, new Dictionary<string, string> { ["cookieauth.baseUrl"] = baseUrl.ToString(), ["cookieauth.token"] = Session });
    }
}
