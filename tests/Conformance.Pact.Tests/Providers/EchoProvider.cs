using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Conformance.Pact.Tests.Providers;

/// <summary>
/// A provider on loopback that answers every request 200 with the JSON body it was sent, and records each request as
/// "METHOD request-target | body", the target as it came on the wire (state-change requests included). Dispose stops it.
/// </summary>
internal sealed class EchoProvider : IAsyncDisposable
{
    private readonly LoopbackApp app;

    private EchoProvider(LoopbackApp app, ConcurrentQueue<string> received)
    {
        this.app = app;
        Received = received;
    }

    internal Uri BaseUri => app.BaseUri;

    internal Uri StateChangeUri => new(BaseUri, "provider-states");

    /// <summary>"METHOD request-target | body" per request, in order.</summary>
    internal ConcurrentQueue<string> Received { get; }

    internal static async Task<EchoProvider> StartAsync()
    {
        var received = new ConcurrentQueue<string>();
        var app = await LoopbackApp.StartAsync(web => web.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            received.Enqueue($"{context.Request.Method} {context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget} | {body}");
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body.Length == 0 ? "{}" : body);
        }));
        return new EchoProvider(app, received);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
