using System.Collections.Concurrent;
using Conformance.Contracts;
using Conformance.Reporting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// Packs/jsonbody: a JSON body reaches a loopback server as UTF-8 bytes with <c>charset=utf-8</c>, its text as the pack
/// writes it (<c>Zürich &amp; Genève</c>, <c>it's &lt;new&gt;</c>), not System.Text.Json's <c>\u00FC</c>-style escapes.
/// </summary>
public sealed class JsonBodyWireTests
{
    [Test]
    public async Task RunAsync_BodyWithAccentsAndAmpersand_SentAsUtf8TextAsWritten()
    {
        var seen = new ConcurrentQueue<(string? Type, byte[] Body)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapPost("/things", async (HttpContext ctx) =>
        {
            using var buffer = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(buffer);
            seen.Enqueue((ctx.Request.ContentType, buffer.ToArray()));
            return Results.Json(new { }, statusCode: 201);
        });
        await app.StartAsync();
        var pack = PackLoader.Load(Path.Combine(AppContext.BaseDirectory, "Packs", "jsonbody"), AppContext.BaseDirectory);

        var results = await EngineHarness.RunRowsAsync(pack, pack.Rows, new Dictionary<string, string> { ["jsonbody.baseUrl"] = app.Urls.First(), ["jsonbody.allowMutation"] = "true" });

        var (type, body) = seen.Single();
        Assert.Multiple(() =>
        {
            Assert.That(results.Single().Verdict, Is.EqualTo(Verdict.Passed), results.Single().Message);
            Assert.That(type, Is.EqualTo("application/json; charset=utf-8"));
            Assert.That(body, Is.EqualTo(System.Text.Encoding.UTF8.GetBytes("""{"city":"Zürich & Genève","note":"it's <new>"}""")));
        });
    }
}
