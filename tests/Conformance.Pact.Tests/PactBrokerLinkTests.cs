using System.Diagnostics;
using Conformance.Pact.Tests.Providers;

namespace Conformance.Pact.Tests;

/// <summary>
/// The broker's links, and only they, lead the verifier back through the forwarder: a pact that quotes the broker's URL
/// (its request path, body and provider state) is verified as written (it was verified with the forwarder's address
/// there). Links that name the broker by another name (localhost for 127.0.0.1) reach it through the forwarder too:
/// libpact_ffi keeps only a link's path and sends it to the broker URL as configured, so a 500 there ends the
/// verification at once and names that URL, the request the broker answered.
/// </summary>
public sealed class PactBrokerLinkTests
{
    private const string Token = "broker-token-5e1c9a";
    private const string User = "pact-user-31d7";
    private const string Password = "broker-pass-7f3a2b";

    /// <summary>
    /// A pact whose request path, body (with HAL links of its own) and provider state quote the broker's URL
    /// (<see cref="FakeBroker.BrokerUrl"/>).
    /// </summary>
    private const string QuotingPact = """
        {"consumer":{"name":"orders-ui"},"provider":{"name":"orders-api"},
         "interactions":[{"description":"a callback registration quoting the broker",
          "providerStates":[{"name":"a callback to the broker","params":{"url":"BROKER_URL/pacts"}}],
          "request":{"method":"POST","path":"/callbacks/BROKER_URL/pacts","headers":{"Content-Type":"application/json"},
           "body":{"_links":{"self":{"href":"BROKER_URL/pacts"}},"notify":"BROKER_URL/pacts/provider/orders-api"}},
          "response":{"status":200,"headers":{"Content-Type":"application/json"},
           "body":{"_links":{"self":{"href":"BROKER_URL/pacts"}},"notify":"BROKER_URL/pacts/provider/orders-api"}}}],
         "metadata":{"pactSpecification":{"version":"3.0.0"}}}
        """;

    [Test]
    public async Task Verify_PactQuotesTheBrokerUrl_ProviderGetsItUnchanged()
    {
        await using var broker = await FakeBroker.StartAsync(QuotingPact);
        await using var provider = await EchoProvider.StartAsync();
        var url = broker.BaseUri.AbsoluteUri.TrimEnd('/');

        var result = PactVerifier.Verify(
            new PactVerifierOptions(OrdersPact.Provider, provider.BaseUri) { ProviderStateChangeUri = provider.StateChangeUri },
            Source(broker));

        var received = provider.Received.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True, result.Output);
            Assert.That(received.Where(r => r.StartsWith("POST /callbacks/", StringComparison.Ordinal)), Is.EqualTo(new[]
            {
                $$$$"""POST /callbacks/{{{{url}}}}/pacts | {"_links":{"self":{"href":"{{{{url}}}}/pacts"}},"notify":"{{{{url}}}}/pacts/provider/orders-api"}""",
            }));
            Assert.That(received.Where(r => r.StartsWith("POST /provider-states", StringComparison.Ordinal)), Has.All.Contain($"\"url\":\"{url}/pacts\"").And.Not.Empty);
            AssertNoSecret(result.Output);
        });
    }

    [Test]
    public async Task Verify_LinksNameTheBrokerOtherwiseAndThePactAnswers500_ThrowsAtOnceNamingTheBrokerAsConfigured()
    {
        using var folder = new TempFolder();
        var pact = await File.ReadAllTextAsync(PactWriter.Write(OrdersPact.Definition, folder.Path));
        await using var broker = await FakeBroker.StartAsync(pact, fault: r => r.EndsWith("/latest", StringComparison.Ordinal) ? 500 : null, linksToLocalhost: true);
        await using var provider = await OrdersProvider.StartAsync(faulty: false);
        var watch = Stopwatch.StartNew();

        var thrown = Assert.Throws<PactException>(() => PactVerifier.Verify(
            new PactVerifierOptions(OrdersPact.Provider, provider.BaseUri) { ProviderStateChangeUri = provider.StateChangeUri },
            Source(broker)));

        Assert.Multiple(() =>
        {
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
            Assert.That(thrown!.Message, Is.EqualTo($"The Pact Broker answered 500 Internal Server Error to GET http://***@127.0.0.1:{broker.BaseUri.Port}/pacts/provider/orders-api/consumer/orders-ui/latest: the pacts for provider 'orders-api' could not be fetched, nothing was verified. Fix: the broker failed, not the provider: check it (its status page, its logs) and run again once it answers."));
            Assert.That(broker.Requests.Count(r => r.StartsWith("GET /pacts/provider/orders-api/consumer/orders-ui/latest ", StringComparison.Ordinal)), Is.EqualTo(1), "sent once, not retried");
            AssertNoSecret(thrown.Message);
        });
    }

    [Test]
    public async Task Verify_LinksNameTheBrokerOtherwiseAndTheResultsAnswer500_PassesAndSaysTheyWereNotPublished()
    {
        using var folder = new TempFolder();
        var pact = await File.ReadAllTextAsync(PactWriter.Write(OrdersPact.Definition, folder.Path));
        await using var broker = await FakeBroker.StartAsync(pact, fault: r => r.EndsWith("/verification-results", StringComparison.Ordinal) ? 500 : null, linksToLocalhost: true);
        await using var provider = await OrdersProvider.StartAsync(faulty: false);
        var watch = Stopwatch.StartNew();

        var result = PactVerifier.Verify(
            new PactVerifierOptions(OrdersPact.Provider, provider.BaseUri) { ProviderStateChangeUri = provider.StateChangeUri, Publish = new PactPublishOptions("1.2.3") },
            Source(broker));

        Assert.Multiple(() =>
        {
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
            Assert.That(result.Passed, Is.True, result.Output);
            Assert.That(broker.PublishedResults, Has.Count.EqualTo(1), "sent once, not retried");
            Assert.That(result.PublishFailures, Is.EqualTo(new[]
            {
                $"Verification results were not published: the Pact Broker answered 500 Internal Server Error to POST http://***@127.0.0.1:{broker.BaseUri.Port}{FakeBroker.VerificationResults}. The verdicts stand; can-i-deploy does not see this verification. Fix: the broker failed: check it (its status page, its logs), then run the verification again to publish.",
            }));
            AssertNoSecret(string.Join(Environment.NewLine, result.PublishFailures));
        });
    }

    /// <summary>The broker's URL with user info, and its token: both secrets.</summary>
    private static PactBrokerSource Source(FakeBroker broker) =>
        new(new UriBuilder(broker.BaseUri) { UserName = User, Password = Password }.Uri, ["""{"mainBranch":true}"""]) { Token = Token };

    private static void AssertNoSecret(string text)
    {
        Assert.That(text, Does.Not.Contain(Token).And.Not.Contain(Password).And.Not.Contain(User));
    }
}
