using System.Collections.Concurrent;
using Conformance.Contracts;
using Conformance.Reporting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// Packs/formbody (<c>bodyType: form</c>): the valid and missing_field cases reach a loopback server with the form's
/// exact bytes and <c>application/x-www-form-urlencoded</c>, pack variables in place; the client_secret field never
/// shows in a message, a curl line or an Allure file, even when the target echoes it.
/// </summary>
public sealed class FormBodyRunTests
{
    private const string Secret = "Zq9-form-secret";
    private static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "Packs", name);

    [Test]
    public async Task RunAsync_FormOperation_ValidAndMissingFieldSendTheFormBytes()
    {
        var seen = new ConcurrentDictionary<string, string>();
        await using var app = await StartAsync(seen);

        var pack = PackLoader.Load(Folder("formbody"), AppContext.BaseDirectory);
        var results = await EngineHarness.RunRowsAsync(pack, pack.Rows, Settings("formbody", new Uri(app.Urls.First()), new() { ["formbody.var.client_id"] = "app 2/ü" }));

        Assert.Multiple(() =>
        {
            Assert.That(pack.Invalid, Is.Empty);
            Assert.That(results.Where(r => r.Verdict != Verdict.Passed).Select(r => r.Message), Is.Empty);
            Assert.That(seen.Values, Is.EquivalentTo(new[]
            {
                "application/x-www-form-urlencoded grant_type=client_credentials&client_id=app%202%2F%C3%BC&client_secret=Zq9-form-secret&scope=read%20write&audience=api&audience=admin%20ui&ttl=3600",
                "application/x-www-form-urlencoded grant_type=client_credentials&client_secret=Zq9-form-secret&scope=read%20write&audience=api&audience=admin%20ui&ttl=3600",
            }));
        });
    }

    [Test]
    public async Task RunAsync_TargetEchoesTheSecretField_MaskedInMessagesCurlLinesAndAllure()
    {
        await using var app = await StartAsync(new ConcurrentDictionary<string, string>(), echo: true);
        var pack = PackLoader.Load(Folder("formecho"), AppContext.BaseDirectory);
        var settings = Settings("formecho", new Uri(app.Urls.First()), []);
        var results = await EngineHarness.RunRowsAsync(pack, pack.Rows, settings);
        var folder = Path.Combine(Path.GetTempPath(), "conformance-form-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var run = new Conformance.Engine.ConformanceRun(new ContractSet([pack]), new Conformance.Targets.SettingsSource(settings.GetValueOrDefault, _ => null), null))
            {
                var writer = new Conformance.Reporting.Allure.AllureWriter(Conformance.Reporting.Allure.ReportScope.From(run), new Conformance.Reporting.Allure.ReportLocation(folder, folder));
                foreach (var result in results)
                {
                    writer.Write(result);
                }

                writer.Finish();
            }

            var files = Directory.GetFiles(folder).Select(File.ReadAllText).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Failed), "the echo is judged, so messages quote it");
                Assert.That(results.SelectMany(r => new[] { r.Message, r.Curl ?? string.Empty }).Concat(files).Where(t => t.Contains("Zq9", StringComparison.Ordinal)), Is.Empty);
                Assert.That(results[0].Curl, Does.EndWith("-H 'Content-Type: application/x-www-form-urlencoded' --data-raw 'grant_type=client_credentials&client_id=app-1&client_secret=***&scope=read%20write&audience=api&audience=admin%20ui&ttl=3600'"));
                Assert.That(results[0].Message, Does.Contain("received \"***\""));
                Assert.That(files, Has.Some.Contains("client_secret=***"), "the request attachment shows the form, masked");
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

    private static Dictionary<string, string> Settings(string api, Uri baseUrl, Dictionary<string, string> extra) =>
        new(extra) { [$"{api}.baseUrl"] = baseUrl.ToString(), [$"{api}.allowMutation"] = "true" };

    /// <summary>Records each request's Content-Type and body; 200 when client_id came, else 400 (with <paramref name="echo"/>: always 200 with the client_secret it got).</summary>
    private static async Task<WebApplication> StartAsync(ConcurrentDictionary<string, string> seen, bool echo = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/oauth/token", async (HttpContext ctx) =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync();
            seen[Guid.NewGuid().ToString("N")] = $"{ctx.Request.ContentType} {body}";
            var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body);
            if (echo)
            {
                return Results.Json(new { secret = form["client_secret"].ToString() });
            }

            return form.ContainsKey("client_id") ? Results.Json(new { access_token = "t" }) : Results.Json(new { error = "invalid_request" }, statusCode: 400);
        });
        await app.StartAsync();
        return app;
    }
}
