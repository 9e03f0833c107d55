using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conformance.Framework.Tests.Engine;

/// <summary>A loopback server that honors Packs/demo, with switches that break one promise each.</summary>
internal sealed class DemoServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private DemoServer(WebApplication app, DemoFaults faults)
    {
        this.app = app;
        Faults = faults;
    }

    public DemoFaults Faults { get; }

    public Uri BaseUri => new(app.Urls.First());

    public int Requests => Faults.Requests;

    public static async Task<DemoServer> StartAsync(DemoFaults? faults = null)
    {
        faults ??= new DemoFaults();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var f = faults;
        app.Use(async (ctx, next) =>
        {
            var inFlight = Interlocked.Increment(ref f.InFlight);
            InterlockedMax(ref f.MaxInFlight, inFlight);
            try
            {
                await next(ctx);
            }
            finally
            {
                Interlocked.Decrement(ref f.InFlight);
            }
        });
        app.Use(async (ctx, next) =>
        {
            Interlocked.Increment(ref f.RequestCount);
            if (f.Delay > TimeSpan.Zero)
            {
                await Task.Delay(f.Delay);
            }

            if (f.ThrottleFirst > 0 && Interlocked.Decrement(ref f.ThrottleFirst) >= 0)
            {
                ctx.Response.StatusCode = 429;
                ctx.Response.Headers.RetryAfter = "0";
                await ctx.Response.WriteAsJsonAsync(new { code = "LIMIT", message = "slow down" });
                return;
            }

            if (ctx.Request.Headers.Authorization != "Bearer demo-secret-token")
            {
                ctx.Response.StatusCode = 401;
                if (!f.NoWwwAuthenticate)
                {
                    ctx.Response.Headers.WWWAuthenticate = "Bearer realm=\"demo\"";
                }

                await ctx.Response.WriteAsJsonAsync(new { code = "UNAUTHORIZED", message = "token missing or wrong" });
                return;
            }

            await next(ctx);
        });
        app.MapMethods("/things/{id}", ["GET"], (string id, HttpContext ctx) => GetThing(id, ctx, f));
        app.MapMethods("/things/{id}", ["DELETE", "PUT", "PATCH", "POST"], (HttpContext ctx) =>
        {
            ctx.Response.Headers.Allow = f.AllowListsRejected ? "GET, DELETE" : "GET";
            return Results.Json(new { code = "METHOD", message = "not allowed" }, statusCode: 405);
        });
        app.MapPost("/things", async (HttpContext ctx) =>
        {
            var body = await JsonNode.ParseAsync(ctx.Request.Body) as JsonObject;
            if (body?["name"] is null)
            {
                return Results.Json(new { code = "REQUIRED", message = "name is required", field = f.WrongField ? "size" : "name" }, statusCode: 400);
            }

            ctx.Response.Headers.Location = "/things/42";
            return Results.Json(new { id = "42", name = body["name"]!.ToString() }, statusCode: 201);
        });
        await app.StartAsync();
        return new DemoServer(app, faults);
    }

    private static IResult GetThing(string id, HttpContext ctx, DemoFaults f)
    {
        if (id != "1")
        {
            return f.HtmlNotFound
                ? Results.Content("<html><body>Not Found</body></html>", "text/html", statusCode: 404)
                : f.MissingMessage
                    ? Results.Json(new { code = "NOT_FOUND" }, statusCode: 404)
                    : Results.Json(new { code = f.CodeOutsideEnum ? "GONE" : "NOT_FOUND", message = "no thing " + id }, statusCode: f.WrongStatus ? 400 : 404);
        }

        if (f.Slow > TimeSpan.Zero)
        {
            Thread.Sleep(f.Slow);
        }

        return Results.Json(new { id = "1", name = f.WrongType ? (object)7 : "widget" }, statusCode: f.Undocumented ? 418 : 200);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>Switches that each break one documented promise.</summary>
internal sealed class DemoFaults
{
    public int RequestCount;
    public int ThrottleFirst;
    public int InFlight;
    public int MaxInFlight;

    public TimeSpan Delay { get; init; }

    public int Requests => Volatile.Read(ref RequestCount);

    public bool NoWwwAuthenticate { get; init; }

    public bool AllowListsRejected { get; init; }

    public bool WrongField { get; init; }

    public bool HtmlNotFound { get; init; }

    public bool MissingMessage { get; init; }

    public bool CodeOutsideEnum { get; init; }

    public bool WrongStatus { get; init; }

    public bool WrongType { get; init; }

    public bool Undocumented { get; init; }

    public TimeSpan Slow { get; init; }
}
