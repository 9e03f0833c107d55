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
        var pact = await File.ReadAllTextAsync(PactWriter.Write(OrdersPact.Definition, folder.Path));
        await using var broker = await FakeBroker.StartAsync(pact);
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
