using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests.Providers;

/// <summary>
/// The Pact Broker resources the verifier walks: the HAL index, pacts-for-verification (GET, then POST
/// with the selectors), one pact, and that pact's verification-results resource. Records what the verifier sent.
/// Dispose stops it.
/// </summary>
internal sealed class FakeBroker : IAsyncDisposable
{
    /// <summary>Where the verifier POSTs its results for the served pact.</summary>
    internal const string VerificationResults = "/pacts/provider/orders-api/consumer/orders-ui/pact-version/0f1e2d/verification-results";
    private const string Hal = "application/hal+json";
    private readonly LoopbackApp app;

    private FakeBroker(LoopbackApp app, ConcurrentQueue<string> requests)
    {
        this.app = app;
        Requests = requests;
    }

    internal Uri BaseUri => app.BaseUri;

    /// <summary>"METHOD path | Authorization | body" per request, in order.</summary>
    internal ConcurrentQueue<string> Requests { get; }

    /// <summary>The verification results the verifier POSTed, as recorded in <see cref="Requests"/>.</summary>
    internal List<string> PublishedResults =>
        Requests.Where(r => r.StartsWith("POST " + VerificationResults + " ", StringComparison.Ordinal)).ToList();

    /// <summary>A broker serving <see cref="OrdersPact"/>, written into <paramref name="folder"/> first.</summary>
    internal static async Task<FakeBroker> ServingOrdersPactAsync(string folder) =>
        await StartAsync(await File.ReadAllTextAsync(PactWriter.Write(OrdersPact.Definition, folder)));

    internal static async Task<FakeBroker> StartAsync(string pactJson)
    {
        var requests = new ConcurrentQueue<string>();
        var app = await LoopbackApp.StartAsync(web =>
        {
            web.Use(async (context, next) =>
            {
                using var reader = new StreamReader(context.Request.Body);
                var body = await reader.ReadToEndAsync();
                requests.Enqueue($"{context.Request.Method} {context.Request.Path} | {context.Request.Headers.Authorization} | {body}");
                await next(context);
            });
            web.MapGet("/", (HttpRequest request) => Results.Text(
                """{"_links":{"pb:provider-pacts-for-verification":{"href":"BASE/pacts/provider/{provider}/for-verification","templated":true}}}"""
                    .Replace("BASE", Base(request), StringComparison.Ordinal),
                Hal));
            web.MapGet("/pacts/provider/{provider}/for-verification", (HttpRequest request) => Results.Text(
                """{"_links":{"self":{"href":"BASE/pacts/provider/orders-api/for-verification"}}}"""
                    .Replace("BASE", Base(request), StringComparison.Ordinal),
                Hal));
            web.MapPost("/pacts/provider/{provider}/for-verification", (HttpRequest request) => Results.Text(
                """
                {"_embedded":{"pacts":[{"shortDescription":"latest from main","verificationProperties":{"pending":false,"notices":[]},
                "_links":{"self":{"href":"BASE/pacts/provider/orders-api/consumer/orders-ui/latest","name":"Pact between orders-ui and orders-api"}}}]}}
                """.Replace("BASE", Base(request), StringComparison.Ordinal),
                Hal));
            web.MapGet("/pacts/provider/orders-api/consumer/orders-ui/latest", (HttpRequest request) => Results.Text(WithLinks(pactJson, Base(request)), Hal));
            web.MapPost(VerificationResults, () => Results.Text("{}", Hal, statusCode: 201));
            web.MapGet("/pacticipants/orders-api", (HttpRequest request) => Results.Text(
                """{"name":"orders-api","_links":{"pb:branch-version":{"href":"BASE/pacticipants/orders-api/branches/{branch}/versions/{version}","templated":true}}}"""
                    .Replace("BASE", Base(request), StringComparison.Ordinal),
                Hal));
            web.MapPut("/pacticipants/orders-api/branches/{branch}/versions/{version}", () => Results.Text("{}", Hal, statusCode: 201));
        });
        return new FakeBroker(app, requests);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private static string Base(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    /// <summary>The pact as a broker serves it: with its links, among them where the verifier publishes results.</summary>
    private static string WithLinks(string pactJson, string baseUrl)
    {
        var pact = JsonNode.Parse(pactJson)!.AsObject();
        pact["_links"] = new JsonObject
        {
            ["self"] = new JsonObject { ["href"] = baseUrl + "/pacts/provider/orders-api/consumer/orders-ui/latest" },
            ["pb:publish-verification-results"] = new JsonObject { ["href"] = baseUrl + VerificationResults, ["title"] = "Publish verification results" },
            ["pb:provider"] = new JsonObject { ["href"] = baseUrl + "/pacticipants/orders-api", ["name"] = "orders-api" },
        };
        return pact.ToJsonString();
    }
}
