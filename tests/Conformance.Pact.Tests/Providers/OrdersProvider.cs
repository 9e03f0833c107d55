using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests.Providers;

/// <summary>
/// A tiny orders API on loopback. Faithful, it honours <see cref="OrdersPact"/> with other example values;
/// faulty, it answers 500 for the missing order and sends order ids as strings. Dispose stops it.
/// </summary>
internal sealed class OrdersProvider : IAsyncDisposable
{
    private readonly LoopbackApp app;

    private OrdersProvider(LoopbackApp app, ConcurrentQueue<string> states)
    {
        this.app = app;
        States = states;
    }

    internal Uri BaseUri => app.BaseUri;

    internal Uri StateChangeUri => new(BaseUri, "provider-states");

    /// <summary>Bodies of the state-change requests the verifier sent, in order.</summary>
    internal ConcurrentQueue<string> States { get; }

    internal static async Task<OrdersProvider> StartAsync(bool faulty)
    {
        var states = new ConcurrentQueue<string>();
        var app = await LoopbackApp.StartAsync(web =>
        {
            web.MapPost("/provider-states", async (HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body);
                states.Enqueue(await reader.ReadToEndAsync());
                return Results.Ok();
            });
            web.MapGet("/orders/{id:int}", (int id) => id switch
            {
                42 when faulty => Results.Text("""{"id":"42","status":"OPEN","total":99.95}""", "application/json"),
                42 => Results.Text("""{"id":42,"status":"OPEN","total":99.95}""", "application/json"),
                _ when faulty => Results.Text("""{"error":"boom"}""", "application/json", statusCode: 500),
                _ => Results.Text(
                    """{"errors":[{"errorCode":"ORDER_GONE","message":"Order 999 was deleted.","traceId":"1234567890abcdef","status":404}]}""",
                    "application/json",
                    statusCode: 404),
            });
            web.MapGet("/orders", () => Results.Text(
                """{"items":[{"id":7,"status":"OPEN","total":1.5},{"id":8,"status":"OPEN","total":2.5}]}""",
                "application/json"));
        });
        return new OrdersProvider(app, states);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
