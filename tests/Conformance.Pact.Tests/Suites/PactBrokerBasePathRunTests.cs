using Conformance.Pact.Tests.Providers;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// The suites against a broker under a base path (pact.brokerUrl http://host/pact/ or http://host/pact): discovery,
/// the verifier's fetch and the published results all reach the broker under it.
/// </summary>
[NonParallelizable]
public sealed class PactBrokerBasePathRunTests
{
    [TestCase(true)]
    [TestCase(false)]
    public async Task Run_BrokerUnderBasePath_EveryRequestUnderIt(bool trailingSlash)
    {
        using var folder = new TempFolder();
        await using var broker = await FakeBroker.ServingOrdersPactAsync(folder.Path, "/pact");
        await using var provider = await OrdersProvider.StartAsync(faulty: false);

        var (exitCode, cases, output) = await SuitesApp.RunAsync("FullyQualifiedName~PactSuite", Path.Combine(folder.Path, "results"), new Dictionary<string, string>
        {
            ["CONFORMANCE_PACT_BROKERURL"] = PactBrokerBasePathTests.Configured(broker, trailingSlash).AbsoluteUri,
            ["CONFORMANCE_PACT_PROVIDER"] = OrdersPact.Provider,
            ["CONFORMANCE_PACT_PROVIDERBASEURL"] = provider.BaseUri.AbsoluteUri,
            ["CONFORMANCE_PACT_STATECHANGEURL"] = provider.StateChangeUri.AbsoluteUri,
            ["CONFORMANCE_PACT_PUBLISH"] = "true",
            ["CONFORMANCE_PACT_PROVIDERVERSION"] = "1.2.3",
            ["CONFORMANCE_PACT_PROVIDERBRANCH"] = "main",
        });

        var sent = string.Join(Environment.NewLine, broker.Targets);
        Assert.Multiple(() =>
        {
            Assert.That(broker.Stray, Is.Empty, sent);
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(cases.Select(c => (c.Name, c.Outcome)), Is.EquivalentTo(OrdersPact.Definition.Interactions.Select(i => ($"pact / {OrdersPact.Provider} / {i.Description}", "Passed"))
                .Append(($"pact / {OrdersPact.Provider} / (publish results)", "Passed"))));
            Assert.That(broker.Targets.Count(t => t == "POST /pact/pacts/provider/orders-api/for-verification"), Is.EqualTo(2), "discovery and the verifier: " + sent);
            Assert.That(broker.PublishedResults, Has.Count.EqualTo(1), sent);
            Assert.That(broker.Targets, Has.One.EqualTo("PUT /pact/pacticipants/orders-api/branches/main/versions/1.2.3"), sent);
        });
    }
}
