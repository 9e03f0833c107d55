using Conformance.Pact.Tests.Providers;

namespace Conformance.Pact.Tests;

public sealed class PactVerifierTests
{
    [Test]
    public async Task Verify_FaithfulProvider_EveryInteractionPasses()
    {
        using var folder = new TempFolder();
        var pact = PactWriter.Write(OrdersPact.Definition, folder.Path);
        await using var provider = await OrdersProvider.StartAsync(faulty: false);

        var result = PactVerifier.Verify(Options(provider), PactSource.Files([pact]));

        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True, result.Output);
            Assert.That(result.Interactions.Select(i => i.Description), Is.EquivalentTo(OrdersPact.Definition.Interactions.Select(i => i.Description)));
            Assert.That(result.Interactions.Select(i => i.Mismatch), Is.All.Null);
            Assert.That(provider.States, Is.EquivalentTo(new[]
            {
                """{"action":"setup","params":{},"state":"order 999 does not exist"}""",
                """{"action":"setup","params":{},"state":"order 42 exists"}""",
                """{"action":"setup","params":{},"state":""}""",
            }));
        });
    }

    [Test]
    public async Task Verify_FaultyProvider_FailsWithMismatchText()
    {
        using var folder = new TempFolder();
        PactWriter.Write(OrdersPact.Definition, folder.Path);
        await using var provider = await OrdersProvider.StartAsync(faulty: true);

        var result = PactVerifier.Verify(Options(provider), PactSource.Folder(folder.Path));

        var byDescription = result.Interactions.ToDictionary(i => i.Description);
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.False);
            Assert.That(
                byDescription["a request for a missing order"].Mismatch,
                Is.EqualTo("$ -> Actual map is missing the following keys: errors\nexpected 404 but was 500"));
            Assert.That(
                byDescription["a request for order 42"].Mismatch,
                Is.EqualTo("$.id -> Expected '42' (String) to be an integer"));
            Assert.That(byDescription["a search for open orders"].Passed, Is.True);
            Assert.That(result.Output, Does.Contain("There were 2 pact failures"));
        });
    }

    [Test]
    public async Task Verify_FolderWithoutPacts_ThrowsNamingProviderAndFolder()
    {
        using var folder = new TempFolder();
        await using var provider = await OrdersProvider.StartAsync(faulty: false);

        Assert.That(
            () => PactVerifier.Verify(Options(provider), PactSource.Folder(folder.Path)),
            Throws.TypeOf<PactException>().With.Message.EqualTo(
                $"The verifier found no interaction for provider 'orders-api' in folder '{folder.Path}'. "
                + "Fix: check that the pacts name this provider exactly and that the source holds pact files."));
    }

    [Test]
    public async Task Verify_BrokerWithSelectors_PostsSelectorsAndVerifiesPact()
    {
        using var folder = new TempFolder();
        await using var broker = await FakeBroker.ServingOrdersPactAsync(folder.Path);
        await using var provider = await OrdersProvider.StartAsync(faulty: false);
        var source = new PactBrokerSource(broker.BaseUri, ["""{"mainBranch":true}""", """{"deployedOrReleased":true}"""])
        {
            Token = "t0ken",
            ProviderBranch = "main",
            EnablePending = true,
        };

        var result = PactVerifier.Verify(Options(provider), source);

        var post = broker.Requests.Single(r => r.StartsWith("POST ", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True, result.Output);
            Assert.That(result.Interactions, Has.Count.EqualTo(3));
            Assert.That(post, Does.StartWith("POST /pacts/provider/orders-api/for-verification | Bearer t0ken | "));
            Assert.That(post, Does.Contain("""
                "consumerVersionSelectors":[{"mainBranch":true},{"deployedOrReleased":true}]
                """));
            Assert.That(post, Does.Contain("\"includePendingStatus\":true"));
            Assert.That(post, Does.Contain("\"providerVersionBranch\":\"main\""));
        });
    }

    [TestCase(false, "true")]
    [TestCase(true, "false")]
    public async Task Verify_BrokerWithPublish_PostsResultsWithProviderVersion(bool faulty, string success)
    {
        using var folder = new TempFolder();
        await using var broker = await FakeBroker.ServingOrdersPactAsync(folder.Path);
        await using var provider = await OrdersProvider.StartAsync(faulty);
        var options = Options(provider) with
        {
            Publish = new PactPublishOptions("1.2.3") { ProviderBranch = "main", BuildUrl = new Uri("https://ci.example.com/builds/7") },
        };

        var result = PactVerifier.Verify(options, new PactBrokerSource(broker.BaseUri, ["""{"mainBranch":true}"""]));

        var published = broker.PublishedResults;
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.EqualTo(!faulty), result.Output);
            Assert.That(published, Has.Count.EqualTo(1), string.Join(Environment.NewLine, broker.Requests));
            Assert.That(broker.Requests, Has.One.StartsWith("PUT /pacticipants/orders-api/branches/main/versions/1.2.3 "));
            Assert.That(published.FirstOrDefault(), Does.Contain($"\"success\":{success}"));
            Assert.That(published.FirstOrDefault(), Does.Contain("\"providerApplicationVersion\":\"1.2.3\""));
            Assert.That(published.FirstOrDefault(), Does.Contain("\"buildUrl\":\"https://ci.example.com/builds/7\""));
        });
    }

    [Test]
    public async Task Verify_BrokerWithoutPublish_PublishesNothing()
    {
        using var folder = new TempFolder();
        await using var broker = await FakeBroker.ServingOrdersPactAsync(folder.Path);
        await using var provider = await OrdersProvider.StartAsync(faulty: false);

        var result = PactVerifier.Verify(Options(provider), new PactBrokerSource(broker.BaseUri, ["""{"mainBranch":true}"""]));

        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True, result.Output);
            Assert.That(broker.Requests.Where(r => r.Contains("verification-results", StringComparison.Ordinal)), Is.Empty);
        });
    }

    [Test]
    public void Verify_PublishWithoutProviderVersion_ThrowsSayingWhatToSet()
    {
        var options = new PactVerifierOptions("orders-api", new Uri("http://127.0.0.1:9/")) { Publish = new PactPublishOptions(" ") };

        Assert.That(
            () => PactVerifier.Verify(options, new PactBrokerSource(new Uri("http://127.0.0.1:9/"), ["""{"mainBranch":true}"""])),
            Throws.TypeOf<PactException>().With.Message.EqualTo("Publishing verification results needs the provider version. Fix: set the provider version (e.g. the git SHA of the build under test)."));
    }

    [Test]
    public void Verify_SelectorNotJson_ThrowsNamingSelector()
    {
        var source = new PactBrokerSource(new Uri("http://127.0.0.1:9/"), ["{mainBranch:"]);

        Assert.That(
            () => PactVerifier.Verify(new PactVerifierOptions("orders-api", new Uri("http://127.0.0.1:9/")), source),
            Throws.TypeOf<PactException>().With.Message.StartsWith("A consumer version selector is not valid JSON (code -1): {mainBranch:."));
    }

    private static PactVerifierOptions Options(OrdersProvider provider) =>
        new(OrdersPact.Provider, provider.BaseUri) { ProviderStateChangeUri = provider.StateChangeUri };
}
