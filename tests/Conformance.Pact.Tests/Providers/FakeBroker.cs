using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Conformance.Pact.Tests.Providers;

/// <summary>
/// The Pact Broker resources the verifier walks: the HAL index, pacts-for-verification (GET, then POST
/// with the selectors), one pact, that pact's verification-results resource, and the provider's branch-version and
/// version-tag resources. Served at the root or under a base path (a broker behind https://host/pact/), every link
/// absolute and under it, on the host the request named or, <c>linksToLocalhost</c>, on localhost (another name of the
/// broker's). <see cref="BrokerUrl"/> in the pact is served as the broker's URL. Records what the verifier sent. Dispose
/// stops it.
/// </summary>
internal sealed class FakeBroker : IAsyncDisposable
{
    /// <summary>Where the verifier POSTs its results for the served pact, below the base path.</summary>
    internal const string VerificationResults = "/pacts/provider/orders-api/consumer/orders-ui/pact-version/0f1e2d/verification-results";
    /// <summary>Where the served pact quotes the broker's URL (its origin and base path, no trailing slash).</summary>
    internal const string BrokerUrl = "BROKER_URL";
    private const string Hal = "application/hal+json";
    private readonly LoopbackApp app;
    private readonly string basePath;

    private FakeBroker(LoopbackApp app, string basePath, ConcurrentQueue<string> requests, ConcurrentQueue<string> targets)
    {
        this.app = app;
        this.basePath = basePath;
        Requests = requests;
        Targets = targets;
    }

    /// <summary>The broker's base URL, base path included, ending in a slash.</summary>
    internal Uri BaseUri => basePath.Length == 0 ? app.BaseUri : new Uri(app.BaseUri, basePath[1..] + "/");

    /// <summary>"METHOD path | Authorization | body" per request, in order.</summary>
    internal ConcurrentQueue<string> Requests { get; }

    /// <summary>"METHOD request-target" per request, the target as it came on the wire (no slash merged).</summary>
    internal ConcurrentQueue<string> Targets { get; }

    /// <summary>Requests whose target is not under the base path, or holds an empty segment (a doubled slash).</summary>
    internal List<string> Stray => Targets.Where(t => !UnderBasePath(t[(t.IndexOf(' ', StringComparison.Ordinal) + 1)..].Split('?')[0])).ToList();

    /// <summary>The verification results the verifier POSTed, as recorded in <see cref="Requests"/>.</summary>
    internal List<string> PublishedResults =>
        Requests.Where(r => r.StartsWith("POST " + basePath + VerificationResults + " ", StringComparison.Ordinal)).ToList();

    /// <summary>A broker serving <see cref="OrdersPact"/>, written into <paramref name="folder"/> first.</summary>
    /// <param name="basePath">"" for the root, or a path such as "/pact" that every resource sits under.</param>
    /// <param name="fault">The status to answer instead, given "METHOD path", or null to serve the resource.</param>
    internal static async Task<FakeBroker> ServingOrdersPactAsync(string folder, string basePath = "", Func<string, int?>? fault = null) =>
        await StartAsync(await File.ReadAllTextAsync(PactWriter.Write(OrdersPact.Definition, folder)), basePath, fault);

    /// <param name="basePath">"" for the root, or a path such as "/pact" that every resource sits under.</param>
    /// <param name="fault">
    /// The status to answer instead, given "METHOD path" (path below the base path), 0 to drop the connection unanswered,
    /// or null to serve the resource; the request is recorded either way.
    /// </param>
    /// <param name="linksToLocalhost">Whether the links name localhost, with the broker's port, rather than the host asked.</param>
    internal static async Task<FakeBroker> StartAsync(string pactJson, string basePath = "", Func<string, int?>? fault = null, bool linksToLocalhost = false)
    {
        string Base(HttpRequest request, string path) =>
            $"{request.Scheme}://{(linksToLocalhost ? $"localhost:{request.Host.Port}" : request.Host.Value)}{path}";

        var requests = new ConcurrentQueue<string>();
        var targets = new ConcurrentQueue<string>();
        var app = await LoopbackApp.StartAsync(web =>
        {
            web.Use(async (context, next) =>
            {
                using var reader = new StreamReader(context.Request.Body);
                var body = await reader.ReadToEndAsync();
                requests.Enqueue($"{context.Request.Method} {context.Request.Path} | {context.Request.Headers.Authorization} | {body}");
                targets.Enqueue($"{context.Request.Method} {context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget}");
                var path = context.Request.Path.Value ?? string.Empty;
                if (fault?.Invoke($"{context.Request.Method} {(path.StartsWith(basePath, StringComparison.Ordinal) ? path[basePath.Length..] : path)}") is { } status)
                {
                    if (status == 0)
                    {
                        context.Abort(); // the connection dropped, no answer
                        return;
                    }

                    context.Response.StatusCode = status;
                    await context.Response.WriteAsync("""{"error":"broker fault"}""");
                    return;
                }

                await next(context);
            });
            IEndpointRouteBuilder broker = basePath.Length == 0 ? web : web.MapGroup(basePath);
            broker.MapGet("/", (HttpRequest request) => Results.Text(
                """{"_links":{"pb:provider-pacts-for-verification":{"href":"BASE/pacts/provider/{provider}/for-verification","templated":true}}}"""
                    .Replace("BASE", Base(request, basePath), StringComparison.Ordinal),
                Hal));
            broker.MapGet("/pacts/provider/{provider}/for-verification", (HttpRequest request) => Results.Text(
                """{"_links":{"self":{"href":"BASE/pacts/provider/orders-api/for-verification"}}}"""
                    .Replace("BASE", Base(request, basePath), StringComparison.Ordinal),
                Hal));
            broker.MapPost("/pacts/provider/{provider}/for-verification", (HttpRequest request) => Results.Text(
                """
                {"_embedded":{"pacts":[{"shortDescription":"latest from main","verificationProperties":{"pending":false,"notices":[]},
                "_links":{"self":{"href":"BASE/pacts/provider/orders-api/consumer/orders-ui/latest","name":"Pact between orders-ui and orders-api"}}}]}}
                """.Replace("BASE", Base(request, basePath), StringComparison.Ordinal),
                Hal));
            broker.MapGet("/pacts/provider/orders-api/consumer/orders-ui/latest", (HttpRequest request) => Results.Text(
                WithLinks(pactJson.Replace(BrokerUrl, $"{request.Scheme}://{request.Host}{basePath}", StringComparison.Ordinal), Base(request, basePath)),
                Hal));
            broker.MapPost(VerificationResults, () => Results.Text("{}", Hal, statusCode: 201));
            broker.MapGet("/pacticipants/orders-api", (HttpRequest request) => Results.Text(
                """
                {"name":"orders-api","_links":{
                "pb:branch-version":{"href":"BASE/pacticipants/orders-api/branches/{branch}/versions/{version}","templated":true},
                "pb:version-tag":{"href":"BASE/pacticipants/orders-api/versions/{version}/tags/{tag}","templated":true}}}
                """.Replace("BASE", Base(request, basePath), StringComparison.Ordinal),
                Hal));
            broker.MapPut("/pacticipants/orders-api/branches/{branch}/versions/{version}", () => Results.Text("{}", Hal, statusCode: 201));
            broker.MapPut("/pacticipants/orders-api/versions/{version}/tags/{tag}", () => Results.Text("{}", Hal, statusCode: 201));
        });
        return new FakeBroker(app, basePath, requests, targets);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private bool UnderBasePath(string path) =>
        (path == basePath || path.StartsWith(basePath + "/", StringComparison.Ordinal)) && !path.Contains("//", StringComparison.Ordinal);

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
