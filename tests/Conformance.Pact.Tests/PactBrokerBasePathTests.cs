using Conformance.Pact.Tests.Providers;

namespace Conformance.Pact.Tests;

/// <summary>
/// A broker under a base path (https://host/pact/): the verifier fetches the pacts and publishes its results there,
/// configured with and without the trailing slash, and follows the broker's absolute links as given.
/// </summary>
public sealed class PactBrokerBasePathTests
{
    private const string BasePath = "/pact";

    [TestCase(true)]
    [TestCase(false)]
    public async Task Verify_BrokerUnderBasePath_FetchesEveryResourceUnderIt(bool trailingSlash)
    {
        using var folder = new TempFolder();
        await using var broker = await FakeBroker.ServingOrdersPactAsync(folder.Path, BasePath);
        await using var provider = await OrdersProvider.StartAsync(faulty: false);

        var result = PactVerifier.Verify(Options(provider), new PactBrokerSource(Configured(broker, trailingSlash), ["""{"mainBranch":true}"""]) { Token = "t0ken" });

        var sent = string.Join(Environment.NewLine, broker.Targets);
        Assert.Multiple(() =>
        {
            Assert.That(broker.Stray, Is.Empty, sent);
            Assert.That(result.Passed, Is.True, result.Output);
            Assert.That(result.Interactions, Has.Count.EqualTo(3));
            Assert.That(broker.Targets, Has.One.EqualTo("POST /pact/pacts/provider/orders-api/for-verification"), sent);
            Assert.That(broker.Targets, Has.One.EqualTo("GET /pact/pacts/provider/orders-api/consumer/orders-ui/latest"), sent);
        });
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Verify_BrokerUnderBasePathWithPublish_PublishesResultsBranchAndTagsUnderIt(bool trailingSlash)
    {
        using var folder = new TempFolder();
        await using var broker = await FakeBroker.ServingOrdersPactAsync(folder.Path, BasePath);
        await using var provider = await OrdersProvider.StartAsync(faulty: false);
        var options = Options(provider) with
        {
            Publish = new PactPublishOptions("1.2.3") { ProviderBranch = "main", ProviderTags = ["prod"] },
        };

        var result = PactVerifier.Verify(options, new PactBrokerSource(Configured(broker, trailingSlash), ["""{"mainBranch":true}"""]));

        var sent = string.Join(Environment.NewLine, broker.Targets);
        Assert.Multiple(() =>
        {
            Assert.That(broker.Stray, Is.Empty, sent);
            Assert.That(result.Passed, Is.True, result.Output);
            Assert.That(broker.PublishedResults, Has.Count.EqualTo(1), sent);
            Assert.That(broker.PublishedResults.FirstOrDefault(), Does.Contain("\"success\":true").And.Contain("\"providerApplicationVersion\":\"1.2.3\""));
            Assert.That(broker.Targets, Has.One.EqualTo("PUT /pact/pacticipants/orders-api/branches/main/versions/1.2.3"), sent);
            Assert.That(broker.Targets, Has.One.EqualTo("PUT /pact/pacticipants/orders-api/versions/1.2.3/tags/prod"), sent);
        });
    }

    /// <summary>The broker's URL as a user would configure it: http://127.0.0.1:port/pact/ or http://127.0.0.1:port/pact.</summary>
    internal static Uri Configured(FakeBroker broker, bool trailingSlash) =>
        trailingSlash ? broker.BaseUri : new Uri(broker.BaseUri.AbsoluteUri.TrimEnd('/'));

    private static PactVerifierOptions Options(OrdersProvider provider) =>
        new(OrdersPact.Provider, provider.BaseUri) { ProviderStateChangeUri = provider.StateChangeUri };
}
