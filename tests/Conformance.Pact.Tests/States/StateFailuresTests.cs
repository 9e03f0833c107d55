using Conformance.Pact.States;
using Conformance.Pact.Tests.Providers;

namespace Conformance.Pact.Tests.States;

/// <summary>
/// Why a provider state could not be set up is given on the interactions of that state only, whatever the pact source:
/// the verifier's result names each interaction's states, so pacts from a broker (which cannot be read first) are
/// explained as pacts from files are.
/// </summary>
public sealed class StateFailuresTests
{
    private static readonly string[] OwnFailures =
    [
        "a request for a missing order: Provider state 'order 999 does not exist': no fixture for it",
        "a request for order 42: Provider state 'order 42 exists': no fixture for it",
        "a search for open orders: passed",
    ];

    [Test]
    public async Task Verify_BrokerPactTwoStatesFail_EachInteractionGivesOnlyItsOwnFailure()
    {
        using var folder = new TempFolder();
        await using var broker = await FakeBroker.ServingOrdersPactAsync(folder.Path);
        await using var provider = await OrdersProvider.StartAsync(faulty: false);

        var result = PactVerifier.Verify(Options(provider), new PactBrokerSource(broker.BaseUri, ["""{"mainBranch":true}"""]));

        Assert.That(result.Interactions.Select(Line), Is.EquivalentTo(OwnFailures));
    }

    [Test]
    public async Task Verify_PactFileTwoStatesFail_EachInteractionGivesOnlyItsOwnFailure()
    {
        using var folder = new TempFolder();
        var pact = PactWriter.Write(OrdersPact.Definition, folder.Path);
        await using var provider = await OrdersProvider.StartAsync(faulty: false);

        var result = PactVerifier.Verify(Options(provider), PactSource.Files([pact]));

        Assert.That(result.Interactions.Select(Line), Is.EquivalentTo(OwnFailures));
    }

    [Test]
    public async Task Verify_BrokerPactTeardownWarns_WarningOnItsStatesInteractionOnly()
    {
        using var folder = new TempFolder();
        await using var broker = await FakeBroker.ServingOrdersPactAsync(folder.Path);
        await using var provider = await OrdersProvider.StartAsync(faulty: false);

        var result = PactVerifier.Verify(
            new PactVerifierOptions(OrdersPact.Provider, provider.BaseUri) { StateHandler = new LeftOver() },
            new PactBrokerSource(broker.BaseUri, ["""{"mainBranch":true}"""]));

        Assert.That(result.Interactions.Select(i => $"{i.Description}: {(i.Passed ? "passed" : i.Mismatch)} [{string.Join("; ", i.Warnings)}]"), Is.EquivalentTo(new[]
        {
            "a request for a missing order: passed []",
            "a request for order 42: passed [order 42 exists: order 42 left on the provider]",
            "a search for open orders: passed []",
        }));
    }

    private static PactVerifierOptions Options(OrdersProvider provider) =>
        new(OrdersPact.Provider, provider.BaseUri) { StateHandler = new NoFixtures() };

    private static string Line(InteractionVerification interaction) => $"{interaction.Description}: {interaction.Mismatch ?? "passed"}";

    /// <summary>Fails the setup of every named state, each with its own reason.</summary>
    private sealed class NoFixtures : IProviderStateHandler
    {
        public Task<ProviderStateResult> ChangeAsync(ProviderStateChange change, CancellationToken cancellationToken) =>
            Task.FromResult(change.Setup && change.State.Length > 0
                ? ProviderStateResult.Failed($"Provider state '{change.State}': no fixture for it")
                : ProviderStateResult.None);
    }

    /// <summary>Sets up every state; the teardown of "order 42 exists" leaves something behind.</summary>
    private sealed class LeftOver : IProviderStateHandler
    {
        public Task<ProviderStateResult> ChangeAsync(ProviderStateChange change, CancellationToken cancellationToken) =>
            Task.FromResult(!change.Setup && change.State == "order 42 exists"
                ? ProviderStateResult.None with { Warning = "order 42 exists: order 42 left on the provider" }
                : ProviderStateResult.None);
    }
}
