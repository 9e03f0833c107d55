using System.Collections.Concurrent;
using Conformance.Contracts;
using Conformance.Reporting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// Packs/querylist: a YAML list under a query name sends the name once per item, in order (<c>tag=red&amp;tag=blue%20sky</c>),
/// variables in place; params_in_body sends such a name as a JSON list; each value of a secret-named one is masked in
/// messages, curl lines and Allure files, even when the target echoes it.
/// </summary>
public sealed class QueryListRunTests
{
    private const string Query = "?tag=red&tag=blue%20sky&tag=green&limit=10&session_token=Zq9-first&session_token=Zq9-second";

    [Test]
    public async Task RunAsync_ListUnderAQueryName_NameSentOncePerItemInOrder()
    {
        var seen = new ConcurrentQueue<string>();
        await using var app = await StartAsync(seen);
        var pack = Load();

        var results = await EngineHarness.RunRowsAsync(pack, pack.Rows.Take(2).ToList(), Settings(app));

        Assert.Multiple(() =>
        {
            Assert.That(pack.Invalid, Is.Empty);
            Assert.That(results.Where(r => r.Verdict != Verdict.Passed).Select(r => r.Message), Is.Empty);
            Assert.That(seen, Is.EquivalentTo(new[]
            {
                Query + " ",
                " {\"tag\":[\"red\",\"blue sky\",\"green\"],\"limit\":\"10\",\"session_token\":[\"Zq9-first\",\"Zq9-second\"]}",
            }));
        });
    }

    [Test]
    public async Task RunAsync_SecretNamedQueryListEchoed_EveryValueMaskedInMessagesCurlLinesAndAllure()
    {
        await using var app = await StartAsync(new ConcurrentQueue<string>());
        var pack = Load();
        var settings = Settings(app);
        var results = await EngineHarness.RunRowsAsync(pack, pack.Rows.Where(r => r.Id == "echo_checked").ToList(), settings);
        var folder = Path.Combine(Path.GetTempPath(), "conformance-querylist-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var run = new Conformance.Engine.ConformanceRun(new ContractSet([pack]), new Conformance.Targets.SettingsSource(settings.GetValueOrDefault, _ => null), null))
            {
                var writer = new Conformance.Reporting.Allure.AllureWriter(Conformance.Reporting.Allure.ReportScope.From(run), new Conformance.Reporting.Allure.ReportLocation(folder, folder));
                writer.Write(results.Single());
                writer.Finish();
            }

            var files = Directory.GetFiles(folder).Select(File.ReadAllText).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(results.Single().Verdict, Is.EqualTo(Verdict.Failed), "the echo is judged, so the message quotes it");
                Assert.That(results.SelectMany(r => new[] { r.Message, r.Curl ?? string.Empty }).Concat(files).Where(t => t.Contains("Zq9", StringComparison.Ordinal)), Is.Empty);
                Assert.That(results.Single().Curl, Does.Contain("/things?tag=red&tag=blue%20sky&tag=green&limit=10&session_token=***&session_token=***'"));
                Assert.That(files, Has.Some.Contains("session_token=***&session_token=***"), "the request attachment shows the query, masked");
            });
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static LoadedPack Load() => PackLoader.Load(Path.Combine(AppContext.BaseDirectory, "Packs", "querylist"), AppContext.BaseDirectory);

    private static Dictionary<string, string> Settings(WebApplication app) => new() { ["querylist.baseUrl"] = app.Urls.First() };

    /// <summary>Records each request's raw query and body; answers the session_token values it got.</summary>
    private static async Task<WebApplication> StartAsync(ConcurrentQueue<string> seen)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/things", async (HttpContext ctx) =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            seen.Enqueue($"{ctx.Request.QueryString.Value} {await reader.ReadToEndAsync()}");
            return Results.Json(new { secret = ctx.Request.Query["session_token"].ToArray() });
        });
        await app.StartAsync();
        return app;
    }
}
