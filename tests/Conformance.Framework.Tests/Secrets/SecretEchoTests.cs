using System.Text.Json;
using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// A target that echoes the request's secrets back (in its JSON body and in response headers) never gets them into
/// anything the framework writes: messages, curl lines, check messages and details.
/// </summary>
public sealed class SecretEchoTests
{
    private const string Marker = "SECRET";

    [Test]
    public async Task RunAsync_TargetEchoesSecrets_NoArtifactContainsThem()
    {
        await using var server = HostileServer.Start(EchoAsync);
        var results = await RunAsync(server.BaseUri);

        Assert.That(results, Has.Count.EqualTo(7));
        Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Failed), "every row fails, so every check message carries echoed text");
        var artifacts = results.SelectMany(Artifacts).ToList();
        Assert.That(artifacts.Where(a => a.Contains(Marker, StringComparison.Ordinal)), Is.Empty);
        Assert.That(artifacts, Has.Some.Contains("expected \"nope\", received \"Bearer ***\""), "the echo was judged, with the secret masked");
        Assert.That(artifacts, Has.Some.Contains("/cookie: expected one of [\"nope\", \"nix\"], received \"***\""));
        Assert.That(artifacts, Has.Some.Contains("api_key=***"));
        Assert.That(artifacts, Has.Some.Contains("'Cookie: ***'"), "the cookie credential in the curl line");
    }

    [Test]
    public async Task AllureWriter_TargetEchoesSecrets_NoFileContainsThem()
    {
        await using var server = HostileServer.Start(EchoAsync);
        var (results, scope) = await RunWithScopeAsync(server.BaseUri);
        var folder = Path.Combine(Path.GetTempPath(), "conformance-echo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var writer = new Conformance.Reporting.Allure.AllureWriter(scope, new Conformance.Reporting.Allure.ReportLocation(folder, folder));
            foreach (var result in results)
            {
                writer.Write(result);
            }

            writer.Finish();
            var files = Directory.GetFiles(folder);
            Assert.That(files, Has.Length.GreaterThan(results.Count));
            Assert.That(files.Where(f => File.ReadAllText(f).Contains(Marker, StringComparison.Ordinal)).Select(Path.GetFileName), Is.Empty);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IEnumerable<string> Artifacts(CaseResult result) =>
        new[] { result.Message, result.Curl ?? string.Empty }
            .Concat(result.Checks.Select(c => c.Message))
            .Concat(result.Checks.SelectMany(c => c.Details));

    private static async Task<IReadOnlyList<CaseResult>> RunAsync(Uri baseUrl) => (await RunWithScopeAsync(baseUrl)).Results;

    private static async Task<(IReadOnlyList<CaseResult> Results, Conformance.Reporting.Allure.ReportScope Scope)> RunWithScopeAsync(Uri baseUrl)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Secrets", "Packs");
        var packs = new[] { "echo", "echoquery", "echocookie" }.Select(p => PackLoader.Load(Path.Combine(folder, p), AppContext.BaseDirectory)).ToList();
        Assert.That(packs.SelectMany(p => p.Invalid).Select(i => i.Message), Is.Empty);
        var values = new Dictionary<string, string>
        {
            ["echo.baseUrl"] = baseUrl.ToString(),
            ["echo.token"] = "tok-SECRET-a1b2c3",
            ["echoquery.baseUrl"] = baseUrl.ToString(),
            ["echoquery.token"] = "qp-SECRET-g7h8i9",
            ["echocookie.baseUrl"] = baseUrl.ToString(),
            ["echocookie.token"] = "ck-SECRET-j1k2l3",
        };
        using var run = new ConformanceRun(new ContractSet(packs), new SettingsSource(values.GetValueOrDefault, _ => null), null);
        var results = await Task.WhenAll(packs.SelectMany(p => p.Rows).Select(r => run.Runner.RunAsync(r, CancellationToken.None)));
        return (results, Conformance.Reporting.Allure.ReportScope.From(run));
    }

    /// <summary>Answers 200 with the request's credentials in a JSON body and in X-Echo-* headers.</summary>
    private static Task EchoAsync(HostileExchange x)
    {
        string Header(string name) => x.Request.Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value ?? string.Empty;
        var echo = new Dictionary<string, string> { ["authorization"] = Header("Authorization"), ["cookie"] = Header("Cookie"), ["query"] = x.Request.Query };
        return x.RespondAsync(200, "OK", "application/json", JsonSerializer.Serialize(echo),
            $"X-Echo-Authorization: {echo["authorization"]}", $"X-Echo-Cookie: {echo["cookie"]}", $"X-Echo-Query: {echo["query"]}");
    }
}
