using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Conformance.Contracts;
using Conformance.Pact.Tests.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests;

/// <summary>
/// The forwarder for a target whose token is fetched (OAuth): a request it gave the fetched token and the target
/// answered 401 (the token revoked) is sent once more with a token renewed for it; a second 401 stands, and a request
/// that did not carry the exported credential is never sent twice. The loopback target accepts only <see cref="Fresh"/>
/// and answers the request's body.
/// </summary>
public sealed class CredentialProxyRenewalTests
{
    private const string Revoked = "revoked-token-31c7";
    private const string Fresh = "fresh-token-8e02";
    private static readonly AuthScheme Bearer = new("Authorization", null, "Bearer {token}", null, "sample-token");
    private readonly ConcurrentQueue<string> seen = new();
    private readonly ConcurrentQueue<string> renewals = new();

    [SetUp]
    public void Forget()
    {
        seen.Clear();
        renewals.Clear();
    }

    [Test]
    public async Task Forward_FetchedTokenAnswered401_RenewedOnceAndTheRequestSentAgainWithTheNewOne()
    {
        await using var target = await TargetAsync(accepted: Fresh);
        await using var proxy = await ProxyAsync(target, renewed: Fresh);

        using var response = await SendAsync(proxy, "Bearer sample-token", """{"body":"hi"}""");

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"body":"hi"}"""), "the second answer is the one forwarded");
            Assert.That(seen, Is.EqualTo(new[] { $"POST Bearer {Revoked} {{\"body\":\"hi\"}}", $"POST Bearer {Fresh} {{\"body\":\"hi\"}}" }), "the same request, body included, with the new token");
            Assert.That(renewals, Is.EqualTo(new[] { Revoked }));
        });
    }

    [Test]
    public async Task Forward_AfterARenewal_LaterRequestsCarryTheNewTokenAtOnce()
    {
        await using var target = await TargetAsync(accepted: Fresh);
        await using var proxy = await ProxyAsync(target, renewed: Fresh);

        using (await SendAsync(proxy, "Bearer sample-token", "a"))
        using (var later = await SendAsync(proxy, "Bearer sample-token", "b"))
        {
            Assert.Multiple(() =>
            {
                Assert.That(later.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(seen, Is.EqualTo(new[] { $"POST Bearer {Revoked} a", $"POST Bearer {Fresh} a", $"POST Bearer {Fresh} b" }));
                Assert.That(renewals, Has.Count.EqualTo(1));
            });
        }
    }

    [Test]
    public async Task Forward_NewTokenAnswered401Too_TheSecond401Stands()
    {
        await using var target = await TargetAsync(accepted: "none-is");
        await using var proxy = await ProxyAsync(target, renewed: Fresh);

        using var response = await SendAsync(proxy, "Bearer sample-token", "x");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(seen, Is.EqualTo(new[] { $"POST Bearer {Revoked} x", $"POST Bearer {Fresh} x" }), "sent once more, not again");
            Assert.That(renewals, Is.EqualTo(new[] { Revoked }));
        });
    }

    [Test]
    public async Task Forward_NoNewToken_The401ForwardedAndNothingSentAgain()
    {
        await using var target = await TargetAsync(accepted: Fresh);
        await using var proxy = await ProxyAsync(target, renewed: null);

        using var response = await SendAsync(proxy, "Bearer sample-token", "x");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(seen, Is.EqualTo(new[] { $"POST Bearer {Revoked} x" }));
            Assert.That(renewals, Is.EqualTo(new[] { Revoked }));
        });
    }

    [Test]
    public async Task AsTarget_NoNewTokenAndTheTokenRequestsReason_TheInteractionBrokenSayingWhy()
    {
        await using var target = await TargetAsync(accepted: Fresh);
        await using var proxy = await CredentialProxy.StartAsync(target.BaseUri, Bearer, Revoked, TimeSpan.FromSeconds(10), renew: (_, _) => Task.FromResult(new RenewedToken(null, "Token request failed: POST http://127.0.0.1:9/token got no answer (refused)")));

        using (var response = await SendAsync(proxy, "Bearer sample-token", "x"))
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        var result = proxy.AsTarget(new PactVerificationResult(false, [new InteractionVerification("a note updated", false, "expected 200 but was 401")], string.Empty));

        Assert.Multiple(() =>
        {
            Assert.That(result.Interactions[0].Broken, Is.True);
            Assert.That(result.Interactions[0].Mismatch, Is.EqualTo(string.Join(Environment.NewLine,
                "The target answered 401 Unauthorized to the fetched token, and a new one could not be fetched: Token request failed: POST http://127.0.0.1:9/token got no answer (refused)",
                "The verifier: expected 200 but was 401")));
            Assert.That(seen, Has.Count.EqualTo(1), "not sent again");
        });
    }

    [Test]
    public async Task Forward_RequestReplaysAnInteractionExpecting401_NotRenewedNorSentAgain()
    {
        await using var target = await TargetAsync(accepted: Fresh);
        var pact = """{"interactions":[{"request":{"method":"POST","path":"/notes","headers":{"Authorization":["Bearer sample-token"]}},"response":{"status":401}}]}""";
        await using var proxy = await CredentialProxy.StartAsync(target.BaseUri, Bearer, Revoked, TimeSpan.FromSeconds(10), renew: (refused, _) =>
        {
            renewals.Enqueue(refused);
            return Task.FromResult(new RenewedToken(Fresh, null));
        }, refusals: PactRefusals.Read([pact], Bearer));

        using var response = await SendAsync(proxy, "Bearer sample-token", "x");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the answer the interaction expects");
            Assert.That(seen, Is.EqualTo(new[] { $"POST Bearer {Revoked} x" }));
            Assert.That(renewals, Is.Empty, "no token request");
        });
    }

    [Test]
    public async Task Forward_RequestWithoutTheExportedCredential_401NeverRenewedNorSentAgain()
    {
        await using var target = await TargetAsync(accepted: Fresh);
        await using var proxy = await ProxyAsync(target, renewed: Fresh);

        using (var none = await SendAsync(proxy, null, "n"))
        using (var wrong = await SendAsync(proxy, "Bearer wrong-token", "w"))
        {
            Assert.Multiple(() =>
            {
                Assert.That(new[] { none.StatusCode, wrong.StatusCode }, Has.All.EqualTo(HttpStatusCode.Unauthorized));
                Assert.That(seen, Is.EqualTo(new[] { "POST  n", "POST Bearer wrong-token w" }));
                Assert.That(renewals, Is.Empty);
            });
        }
    }

    /// <summary>A proxy giving the target <see cref="Revoked"/>, whose renewal (recorded) gives <paramref name="renewed"/> once, then none.</summary>
    private Task<CredentialProxy> ProxyAsync(LoopbackApp target, string? renewed) =>
        CredentialProxy.StartAsync(target.BaseUri, Bearer, Revoked, TimeSpan.FromSeconds(10), renew: (refused, _) =>
        {
            renewals.Enqueue(refused);
            return Task.FromResult(new RenewedToken(refused == Revoked ? renewed : null, null));
        });

    private Task<LoopbackApp> TargetAsync(string accepted) => LoopbackApp.StartAsync(web => web.Run(async context =>
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        seen.Enqueue($"{context.Request.Method} {context.Request.Headers.Authorization} {body}");
        context.Response.StatusCode = context.Request.Headers.Authorization == $"Bearer {accepted}" ? 200 : 401;
        await context.Response.WriteAsync(body);
    }));

    private static async Task<HttpResponseMessage> SendAsync(CredentialProxy proxy, string? authorization, string body)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(proxy.BaseUri, "notes")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await client.SendAsync(request);
    }
}
