using System.Collections.Concurrent;
using Conformance.Pact.Tests.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// Discovery walks the broker's own links: the index's pb:provider-pacts-for-verification (wherever the broker serves
/// it), and a pact's self link only on the broker's origin, so the token never leaves it.
/// </summary>
[NonParallelizable]
public sealed class PactBrokerLinksRunTests
{
    [Test]
    public async Task Run_BrokerLinksAPactOnAnotherOrigin_RefusedAndNothingSentThere()
    {
        var elsewhere = new ConcurrentQueue<string>();
        await using var other = await LoopbackApp.StartAsync(web => web.Run(context =>
        {
            elsewhere.Enqueue($"{context.Request.Method} {context.Request.Path} | {context.Request.Headers.Authorization}");
            return context.Response.WriteAsync("{}");
        }));
        var seen = new ConcurrentQueue<string>();
        Uri? self = null;
        await using var broker = await LoopbackApp.StartAsync(web =>
        {
            web.Use(async (context, next) =>
            {
                seen.Enqueue($"{context.Request.Method} {context.Request.Path}");
                await next(context);
            });
            web.MapGet("/", () => Results.Text(
                "{\"_links\":{\"pb:provider-pacts-for-verification\":{\"href\":\"" + self + "custom/{provider}/to-verify\",\"templated\":true}}}", "application/hal+json"));
            web.MapPost("/custom/{provider}/to-verify", () => Results.Text(
                "{\"_embedded\":{\"pacts\":[{\"_links\":{\"self\":{\"href\":\"" + other.BaseUri + "pacts/stolen\"}}}]}}", "application/hal+json"));
        });
        self = broker.BaseUri;
        using var folder = new TempFolder();

        var (_, cases, output) = await SuitesApp.RunAsync("FullyQualifiedName~PactSuite", Path.Combine(folder.Path, "results"), new Dictionary<string, string>
        {
            ["CONFORMANCE_PACT_BROKERURL"] = broker.BaseUri.AbsoluteUri,
            ["CONFORMANCE_PACT_TOKEN"] = "broker-token-4d2c",
            ["CONFORMANCE_PACT_PROVIDER"] = OrdersPact.Provider,
            ["CONFORMANCE_PACT_PROVIDERBASEURL"] = "http://127.0.0.1:9/",
        });

        var problem = cases.Single(c => c.Name == $"pact / {OrdersPact.Provider} / (broker)");
        Assert.Multiple(() =>
        {
            Assert.That(seen, Does.Contain($"POST /custom/{OrdersPact.Provider}/to-verify"), "the index's link is followed");
            Assert.That(problem.Message, Does.Contain($"the broker links {other.BaseUri.GetLeftPart(UriPartial.Authority)}, another origin than its own; the token is sent to the broker's origin only"), output);
            Assert.That(elsewhere, Is.Empty, "nothing, and no token, reaches the other origin");
        });
    }

    [Test]
    public async Task Run_BrokerIndexNotHal_StandardPathUsed()
    {
        var seen = new ConcurrentQueue<string>();
        await using var broker = await LoopbackApp.StartAsync(web =>
        {
            web.Use(async (context, next) =>
            {
                seen.Enqueue($"{context.Request.Method} {context.Request.Path} accept={context.Request.Headers.Accept}");
                await next(context);
            });
            web.MapGet("/", () => Results.Text("<html>sign in</html>", "text/html"));
            web.MapPost("/pacts/provider/{provider}/for-verification", () => Results.Text(
                "{\"_embedded\":{\"pacts\":[{\"_links\":{\"self\":{\"href\":\"http://127.0.0.1:9/pacts/elsewhere\"}}}]}}", "application/hal+json"));
        });
        using var folder = new TempFolder();

        var (_, cases, output) = await SuitesApp.RunAsync("FullyQualifiedName~PactSuite", Path.Combine(folder.Path, "results"), new Dictionary<string, string>
        {
            ["CONFORMANCE_PACT_BROKERURL"] = broker.BaseUri.AbsoluteUri,
            ["CONFORMANCE_PACT_PROVIDER"] = OrdersPact.Provider,
            ["CONFORMANCE_PACT_PROVIDERBASEURL"] = "http://127.0.0.1:9/",
        });

        Assert.Multiple(() =>
        {
            Assert.That(seen, Does.Contain("GET / accept=application/hal+json"));
            Assert.That(seen, Does.Contain($"POST /pacts/provider/{OrdersPact.Provider}/for-verification accept="), "the standard path after an index that is not HAL");
            Assert.That(cases.Single(c => c.Name == $"pact / {OrdersPact.Provider} / (broker)").Message, Does.Contain("another origin than its own"), output);
        });
    }
}
