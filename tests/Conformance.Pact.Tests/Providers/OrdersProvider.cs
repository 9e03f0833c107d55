using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conformance.Pact.Tests.Providers;

/// <summary>
/// A tiny orders API on 127.0.0.1 and a system-chosen port. Faithful, it honours <see cref="OrdersPact"/>
/// with other example values; faulty, it answers 500 for the missing order and sends order ids as strings.
/// Dispose stops it.
/// </summary>
internal sealed class OrdersProvider : IAsyncDisposable
{
    private readonly WebApplication app;

    private OrdersProvider(WebApplication app, Uri baseUri, ConcurrentQueue<string> states)
    {
        this.app = app;
        BaseUri = baseUri;
        States = states;
    }

    internal Uri BaseUri { get; }

    internal Uri StateChangeUri => new(BaseUri, "provider-states");

    /// <summary>Provider states the verifier asked for, in order.</summary>
    internal ConcurrentQueue<string> States { get; }

    internal static async Task<OrdersProvider> StartAsync(bool faulty)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var states = new ConcurrentQueue<string>();
        app.MapPost("/provider-states", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            states.Enqueue(await reader.ReadToEndAsync());
            return Results.Ok();
        });
        app.MapGet("/orders/{id:int}", (int id) => id switch
        {
            42 when faulty => Results.Text("""{"id":"42","status":"OPEN","total":99.95}""", "application/json"),
            42 => Results.Text("""{"id":42,"status":"OPEN","total":99.95}""", "application/json"),
            _ when faulty => Results.Text("""{"error":"boom"}""", "application/json", statusCode: 500),
            _ => Results.Text(
                """{"errors":[{"errorCode":"ORDER_GONE","message":"Order 999 was deleted.","traceId":"1234567890abcdef","status":404}]}""",
                "application/json",
                statusCode: 404),
        });
        app.MapGet("/orders", () => Results.Text(
            """{"items":[{"id":7,"status":"OPEN","total":1.5},{"id":8,"status":"OPEN","total":2.5}]}""",
            "application/json"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new OrdersProvider(app, new Uri(address + "/"), states);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
