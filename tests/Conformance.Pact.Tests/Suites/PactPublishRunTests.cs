using Conformance.Pact.Tests.Providers;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// The suites' pact verification from a broker, with the results published back (pact.publish): the built suites app
/// against a fake broker and the orders provider on loopback, and the settings it refuses.
/// </summary>
[NonParallelizable]
public sealed class PactPublishRunTests
{
    [TestCase("1.2.3", "main")]
    [TestCase("1.2.3\n", " main\r\n")] // read from files: published as branches/%20main%0D%0A/versions/1.2.3%0A before they were trimmed
    public async Task Run_BrokerWithPublish_VerifiesEveryInteractionAndPublishesTheResults(string version, string branch)
    {
        using var folder = new TempFolder();
        await using var broker = await FakeBroker.ServingOrdersPactAsync(folder.Path);
        await using var provider = await OrdersProvider.StartAsync(faulty: false);

        var (exitCode, cases, output) = await SuitesApp.RunAsync("FullyQualifiedName~PactSuite", Path.Combine(folder.Path, "results"), new Dictionary<string, string>
        {
            ["CONFORMANCE_PACT_BROKERURL"] = broker.BaseUri.AbsoluteUri,
            ["CONFORMANCE_PACT_PROVIDER"] = OrdersPact.Provider,
            ["CONFORMANCE_PACT_PROVIDERBASEURL"] = provider.BaseUri.AbsoluteUri,
            ["CONFORMANCE_PACT_STATECHANGEURL"] = provider.StateChangeUri.AbsoluteUri,
            ["CONFORMANCE_PACT_PUBLISH"] = "true",
            ["CONFORMANCE_PACT_PROVIDERVERSION"] = version,
            ["CONFORMANCE_PACT_PROVIDERBRANCH"] = branch,
        });

        var published = broker.PublishedResults;
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(cases.Select(c => (c.Name, c.Outcome)), Is.EquivalentTo(OrdersPact.Definition.Interactions.Select(i => ($"pact / {OrdersPact.Provider} / {i.Description}", "Passed"))
                .Append(($"pact / {OrdersPact.Provider} / (publish results)", "Passed"))));
            Assert.That(published, Has.Count.EqualTo(1), string.Join(Environment.NewLine, broker.Requests));
            Assert.That(published.FirstOrDefault(), Does.Contain("\"success\":true").And.Contain("\"providerApplicationVersion\":\"1.2.3\""));
            Assert.That(broker.Requests, Has.One.StartsWith("PUT /pacticipants/orders-api/branches/main/versions/1.2.3 "), string.Join(Environment.NewLine, broker.Requests));
        });
    }

    [Test]
    public async Task Run_VersionWithALineBreakInsideAndAScriptBuildUrl_OneFailingSettingsCaseEach()
    {
        using var folder = new TempFolder();
        PactWriter.Write(OrdersPact.Definition, folder.Path);

        var (_, cases, output) = await SuitesApp.RunAsync("FullyQualifiedName~PactSuite", Path.Combine(folder.Path, "results"), new Dictionary<string, string>
        {
            ["CONFORMANCE_PACT_FOLDER"] = folder.Path,
            ["CONFORMANCE_PACT_PUBLISH"] = "true",
            ["CONFORMANCE_PACT_PROVIDERVERSION"] = "1.2\n3",
            ["CONFORMANCE_PACT_BUILDURL"] = "javascript:alert(1)",
        });

        Assert.That(cases.Where(c => c.Name == "pact / settings (invalid)").Select(c => c.Message), Is.EquivalentTo(new[]
        {
            "pact.providerVersion (or CONFORMANCE_PACT_PROVIDERVERSION) holds a line break or another control character inside, which no broker URL can carry. Fix: give it on one line (e.g. the git SHA of the deployed build).",
            "pact.buildUrl (or CONFORMANCE_PACT_BUILDURL) is 'javascript:alert(1)', not an absolute http(s) URL. Fix: give the CI build's full URL, or remove it.",
            "pact.publish (or CONFORMANCE_PACT_PUBLISH) is true but pact.brokerUrl (or CONFORMANCE_PACT_BROKERURL) is not set: only pacts fetched from a broker can have results published. Fix: set pact.brokerUrl, or remove pact.publish.",
        }), output);
    }

    [Test]
    public async Task Run_PublishWithoutVersionOrBroker_OneFailingSettingsCasePerProblem()
    {
        using var folder = new TempFolder();
        PactWriter.Write(OrdersPact.Definition, folder.Path);

        var (exitCode, cases, output) = await SuitesApp.RunAsync("FullyQualifiedName~PactSuite", Path.Combine(folder.Path, "results"), new Dictionary<string, string>
        {
            ["CONFORMANCE_PACT_FOLDER"] = folder.Path,
            ["CONFORMANCE_PACT_PUBLISH"] = "true",
            ["CONFORMANCE_PACT_BUILDURL"] = "builds/7",
        });

        var settings = cases.Where(c => c.Name == "pact / settings (invalid)").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2), output);
            Assert.That(settings.Select(c => c.Outcome), Is.All.EqualTo("Failed"));
            Assert.That(settings.Select(c => c.Message), Is.EquivalentTo(new[]
            {
                "pact.buildUrl (or CONFORMANCE_PACT_BUILDURL) is 'builds/7', not an absolute http(s) URL. Fix: give the CI build's full URL, or remove it.",
                "pact.publish (or CONFORMANCE_PACT_PUBLISH) is true but pact.providerVersion (or CONFORMANCE_PACT_PROVIDERVERSION) is not set: results are recorded against a provider version. Fix: set it to the version under test (e.g. the git SHA of the deployed build).",
                "pact.publish (or CONFORMANCE_PACT_PUBLISH) is true but pact.brokerUrl (or CONFORMANCE_PACT_BROKERURL) is not set: only pacts fetched from a broker can have results published. Fix: set pact.brokerUrl, or remove pact.publish.",
            }));
        });
    }
}
