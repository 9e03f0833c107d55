using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Conformance.Contracts;
using Conformance.Framework.Tests.Hostile;
using Conformance.Pact.Tests.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests;

/// <summary>
/// The forwarder between the verifier and a target (CredentialProxy): a loopback target records what reached it and
/// answers 418 with a header and the request's body; requests go through the proxy with a plain HttpClient.
/// </summary>
public sealed class CredentialProxyTests
{
    private const string Own = "target-own-7f3a";
    private static readonly AuthScheme Bearer = new("Authorization", null, "Bearer {token}", null, "sample-token");
    private static readonly AuthScheme ApiKey = new(null, "api_key", "{token}", null, "sample-key");
    private readonly ConcurrentQueue<string> seen = new();

    [SetUp]
    public void Forget() => seen.Clear();

    private Task<LoopbackApp> TargetAsync() => LoopbackApp.StartAsync(web => web.Run(async context =>
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        seen.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} | {context.Request.Headers.Authorization} | {context.Request.Headers["X-Case"]} | {body}");
        context.Response.StatusCode = 418;
        context.Response.Headers["X-Trace"] = "t-1";
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.Length == 0 ? "{}" : body);
    }));

    [Test]
    public async Task Forward_ExportedCredentialInHeader_TargetGetsItsOwn()
    {
        await using var target = await TargetAsync();
        await using var proxy = await CredentialProxy.StartAsync(target.BaseUri, Bearer, Own, TimeSpan.FromSeconds(10));

        using var response = await SendAsync(HttpMethod.Get, new Uri(proxy.BaseUri, "notes/1"), "Bearer sample-token");

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.EqualTo(new[] { $"GET /notes/1 | Bearer {Own} |  | " }));
            Assert.That(proxy.Replaced, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Forward_CurrentTokenRenewed_LaterRequestsCarryTheNewOne()
    {
        await using var target = await TargetAsync();
        var current = Own;
        await using var proxy = await CredentialProxy.StartAsync(target.BaseUri, Bearer, Own, TimeSpan.FromSeconds(10), current: () => current);

        using (await SendAsync(HttpMethod.Get, new Uri(proxy.BaseUri, "notes/1"), "Bearer sample-token"))
        {
            current = "target-renewed-9c2b";
        }

        using (await SendAsync(HttpMethod.Get, new Uri(proxy.BaseUri, "notes/2"), "Bearer sample-token"))
        {
            Assert.Multiple(() =>
            {
                Assert.That(seen, Is.EqualTo(new[] { $"GET /notes/1 | Bearer {Own} |  | ", "GET /notes/2 | Bearer target-renewed-9c2b |  | " }));
                Assert.That(proxy.Replaced, Is.EqualTo(2));
            });
        }
    }

    [Test]
    public async Task Forward_OtherOrNoCredential_ForwardedAsSent()
    {
        await using var target = await TargetAsync();
        await using var proxy = await CredentialProxy.StartAsync(target.BaseUri, Bearer, Own, TimeSpan.FromSeconds(10));

        using (await SendAsync(HttpMethod.Get, new Uri(proxy.BaseUri, "notes/1"), "Bearer wrong"))
        using (await SendAsync(HttpMethod.Get, new Uri(proxy.BaseUri, "notes/2"), null))
        using (await SendAsync(HttpMethod.Get, new Uri(proxy.BaseUri, "notes/3"), "Bearer sample-token-and-more"))
        {
            Assert.Multiple(() =>
            {
                Assert.That(seen, Is.EqualTo(new[] { "GET /notes/1 | Bearer wrong |  | ", "GET /notes/2 |  |  | ", "GET /notes/3 | Bearer sample-token-and-more |  | " }));
                Assert.That(proxy.Replaced, Is.Zero);
            });
        }
    }

    [Test]
    public async Task Forward_ExportedCredentialInQuery_OnlyThatParameterReplaced()
    {
        await using var target = await TargetAsync();
        await using var proxy = await CredentialProxy.StartAsync(target.BaseUri, ApiKey, Own, TimeSpan.FromSeconds(10));

        using (await SendAsync(HttpMethod.Get, new Uri(proxy.BaseUri, "things?page=2&api_key=sample-key&q=a%20b"), null))
        using (await SendAsync(HttpMethod.Get, new Uri(proxy.BaseUri, "things?api_key=other"), null))
        {
            Assert.That(seen, Is.EqualTo(new[] { $"GET /things?page=2&api_key={Own}&q=a%20b |  |  | ", "GET /things?api_key=other |  |  | " }));
        }
    }

    [Test]
    public async Task Forward_BodyStatusAndHeaders_PassBothWays()
    {
        await using var target = await TargetAsync();
        await using var proxy = await CredentialProxy.StartAsync(target.BaseUri, Bearer, Own, TimeSpan.FromSeconds(10));
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(proxy.BaseUri, "notes"))
        {
            Content = new StringContent("""{"body":"hi"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Case", "c-9");

        using var response = await client.SendAsync(request);

        Assert.Multiple(async () =>
        {
            Assert.That(seen, Is.EqualTo(new[] { """POST /notes |  | c-9 | {"body":"hi"}""" }));
            Assert.That(response.StatusCode, Is.EqualTo((HttpStatusCode)418));
            Assert.That(response.Headers.GetValues("X-Trace"), Is.EqualTo(new[] { "t-1" }));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"body":"hi"}"""));
            Assert.That(response.Headers.GetValues("Server"), Is.EqualTo(new[] { "Kestrel" }), "the target's, and none of the proxy's own");
        });
    }

    [Test]
    public async Task StartAsync_TargetWithBasePath_ProxyKeepsThePath()
    {
        await using var target = await TargetAsync();
        await using var proxy = await CredentialProxy.StartAsync(new Uri(target.BaseUri, "api/v2/"), Bearer, Own, TimeSpan.FromSeconds(10));

        using (await SendAsync(HttpMethod.Get, new Uri(proxy.BaseUri, "notes"), null))
        {
            Assert.Multiple(() =>
            {
                Assert.That(proxy.BaseUri.AbsolutePath, Is.EqualTo("/api/v2/"));
                Assert.That(seen, Is.EqualTo(new[] { "GET /api/v2/notes |  |  | " }));
            });
        }
    }

    [Test]
    public async Task Forward_TargetUnreachable_ConnectionDroppedNotAStatus()
    {
        using var closed = new ClosedPort();
        await using var proxy = await CredentialProxy.StartAsync(new Uri($"http://127.0.0.1:{closed.Port}/"), Bearer, Own, TimeSpan.FromSeconds(10));

        Assert.That(async () => await SendAsync(HttpMethod.Get, new Uri(proxy.BaseUri, "notes/1"), null), Throws.InstanceOf<HttpRequestException>());
    }

    [Test]
    public async Task Forward_TurnGiven_EachRequestSentInItsTurn()
    {
        await using var target = await TargetAsync();
        var turns = 0;
        await using var proxy = await CredentialProxy.StartAsync(target.BaseUri, null, null, TimeSpan.FromSeconds(10), turn: async (send, _) =>
        {
            Interlocked.Increment(ref turns);
            await send();
            return null;
        });

        using var response = await SendAsync(HttpMethod.Get, new Uri(proxy.BaseUri, "notes/1"), "Bearer sample-token");

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(418));
            Assert.That(seen, Is.EqualTo(new[] { "GET /notes/1 | Bearer sample-token |  | " }));
            Assert.That(turns, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Forward_TurnRefuses_NeverReachesTheTargetConnectionDropped()
    {
        await using var target = await TargetAsync();
        await using var proxy = await CredentialProxy.StartAsync(target.BaseUri, null, null, TimeSpan.FromSeconds(10), turn: (_, _) => Task.FromResult<string?>("Not sent (budget): spent"));

        Assert.That(async () => await SendAsync(HttpMethod.Get, new Uri(proxy.BaseUri, "notes/1"), null), Throws.InstanceOf<HttpRequestException>());
        Assert.That(seen, Is.Empty);
    }

    [Test]
    public async Task AsTarget_ProxyAddressInMessages_TargetAddressInstead()
    {
        await using var proxy = await CredentialProxy.StartAsync(new Uri("http://staging.example.com:8443/api/"), Bearer, Own, TimeSpan.FromSeconds(10));
        var own = proxy.BaseUri.GetLeftPart(UriPartial.Authority);
        var result = new PactVerificationResult(false, [new InteractionVerification("a note", false, $"error sending request for url ({own}/api/notes/1)")], $"GET {own}/api/notes/1");

        var shown = proxy.AsTarget(result);

        Assert.Multiple(() =>
        {
            Assert.That(shown.Interactions[0].Mismatch, Is.EqualTo("error sending request for url (http://staging.example.com:8443/api/notes/1)"));
            Assert.That(shown.Output, Is.EqualTo("GET http://staging.example.com:8443/api/notes/1"));
        });
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, string? authorization)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(method, uri);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await client.SendAsync(request);
    }
}
