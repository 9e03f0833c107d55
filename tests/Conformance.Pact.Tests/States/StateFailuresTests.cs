using System.Text.Json.Nodes;
using Conformance.Pact.States;
using Conformance.Pact.Tests.Providers;

namespace Conformance.Pact.Tests.States;

/// <summary>
/// Why a provider state could not be set up is given on the interactions of that state only, whatever the pact source:
/// the verifier's result names each interaction's states, so pacts from a broker (which cannot be read first) are
/// explained as pacts from files are; a teardown's warning is given on the interaction it followed only.
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

    [Test]
    public async Task Verify_OneStatesTeardownWarnsForOneOfItsInteractions_WarningOnThatInteractionOnly()
    {
        using var folder = new TempFolder();
        var pact = Path.Combine(folder.Path, "orders-ui-orders-api.json");
        await File.WriteAllTextAsync(pact, SameStatePact("order 7 read", 7, "order 8 read", 8, "order 9 read", 9));
        await using var provider = await OrdersProvider.StartAsync(faulty: false);

        var result = PactVerifier.Verify(new PactVerifierOptions(OrdersPact.Provider, provider.BaseUri) { StateHandler = new LeavesOrder(8, failsSetupOf: null) }, PactSource.Files([pact]));

        Assert.That(result.Interactions.Select(Warned), Is.EqualTo(new[] { "order 7 read: []", "order 8 read: [order 8 left on the provider]", "order 9 read: []" }));
    }

    [Test]
    public async Task Verify_TeardownWarnsAfterAnInteractionWhoseSetupFailed_WarningOnTheTornDownInteractionOnly()
    {
        using var folder = new TempFolder();
        var pact = Path.Combine(folder.Path, "orders-ui-orders-api.json");
        await File.WriteAllTextAsync(pact, SameStatePact("order 7 read", 7, "order 8 read", 8, "order 9 read", 9));
        await using var provider = await OrdersProvider.StartAsync(faulty: false);

        var result = PactVerifier.Verify(new PactVerifierOptions(OrdersPact.Provider, provider.BaseUri) { StateHandler = new LeavesOrder(9, failsSetupOf: 7) }, PactSource.Files([pact]));

        Assert.That(result.Interactions.Select(Warned), Is.EqualTo(new[] { "order 7 read: []", "order 8 read: []", "order 9 read: [order 9 left on the provider]" }), "a failed setup has no teardown: the calls line up with the others");
    }

    [Test]
    public async Task Verify_OneStateFailsDifferentlyForTwoInteractions_EachGivesItsOwnFailure()
    {
        using var folder = new TempFolder();
        var pact = Path.Combine(folder.Path, "orders-ui-orders-api.json");
        await File.WriteAllTextAsync(pact, SameStatePact("order 7 read", 7, "order 8 read", 8, "order 9 read", 9));
        await using var provider = await OrdersProvider.StartAsync(faulty: false);

        var result = PactVerifier.Verify(new PactVerifierOptions(OrdersPact.Provider, provider.BaseUri) { StateHandler = new FailsForOddIds() }, PactSource.Files([pact]));

        Assert.That(result.Interactions.Select(Line), Is.EqualTo(new[]
        {
            "order 7 read: Provider state 'an order exists': order 7 could not be made",
            "order 8 read: passed",
            "order 9 read: Provider state 'an order exists': order 9 could not be made",
        }));
    }

    [Test]
    public async Task Verify_BothStatesOfAnInteractionFail_BothGivenAndTheNextInteractionGetsItsOwn()
    {
        using var folder = new TempFolder();
        var pact = Path.Combine(folder.Path, "orders-ui-orders-api.json");
        await File.WriteAllTextAsync(pact, Pact(
            ("two states", [("an order exists", 1), ("a customer exists", 3)]),
            ("one state", [("a customer exists", 5)])));
        await using var provider = await OrdersProvider.StartAsync(faulty: false);

        var result = PactVerifier.Verify(new PactVerifierOptions(OrdersPact.Provider, provider.BaseUri) { StateHandler = new FailsForOddIds() }, PactSource.Files([pact]));

        Assert.That(result.Interactions.Select(Line), Is.EqualTo(new[]
        {
            "two states: Provider state 'an order exists': order 1 could not be made" + Environment.NewLine + "Provider state 'a customer exists': order 3 could not be made",
            "one state: Provider state 'a customer exists': order 5 could not be made",
        }));
    }

    /// <summary>A v3 pact whose interactions (description, order id) all have the state "an order exists", each with its own id as a param.</summary>
    private static string SameStatePact(params object[] interactions) =>
        Pact([.. interactions.Chunk(2).Select(i => ((string)i[0], new[] { ("an order exists", (int)i[1]) }))]);

    /// <summary>A v3 pact of GET /orders/42 interactions expecting 200, each with its provider states (name, an id param).</summary>
    private static string Pact(params (string Description, (string Name, int Id)[] States)[] interactions) => new JsonObject
    {
        ["consumer"] = new JsonObject { ["name"] = OrdersPact.Consumer },
        ["provider"] = new JsonObject { ["name"] = OrdersPact.Provider },
        ["interactions"] = new JsonArray([.. interactions.Select(i => (JsonNode)new JsonObject
        {
            ["description"] = i.Description,
            ["providerStates"] = new JsonArray([.. i.States.Select(s => (JsonNode)new JsonObject { ["name"] = s.Name, ["params"] = new JsonObject { ["id"] = s.Id } })]),
            ["request"] = new JsonObject { ["method"] = "GET", ["path"] = "/orders/42" },
            ["response"] = new JsonObject { ["status"] = 200 },
        })]),
        ["metadata"] = new JsonObject { ["pactSpecification"] = new JsonObject { ["version"] = "3.0.0" } },
    }.ToJsonString();

    private static PactVerifierOptions Options(OrdersProvider provider) =>
        new(OrdersPact.Provider, provider.BaseUri) { StateHandler = new NoFixtures() };

    private static string Line(InteractionVerification interaction) => $"{interaction.Description}: {interaction.Mismatch ?? "passed"}";

    private static string Warned(InteractionVerification interaction) => $"{interaction.Description}: [{string.Join("; ", interaction.Warnings)}]";

    /// <summary>The teardown of the state given <paramref name="left"/> as its id warns; the setup given <paramref name="failsSetupOf"/> fails.</summary>
    private sealed class LeavesOrder(int left, int? failsSetupOf) : IProviderStateHandler
    {
        public Task<ProviderStateResult> ChangeAsync(ProviderStateChange change, CancellationToken cancellationToken) =>
            Task.FromResult(change.Params["id"]?.GetValue<int>() is not { } id ? ProviderStateResult.None
                : change.Setup && id == failsSetupOf ? ProviderStateResult.Failed($"order {id} could not be made")
                : !change.Setup && id == left ? ProviderStateResult.None with { Warning = $"order {id} left on the provider" }
                : ProviderStateResult.None);
    }

    /// <summary>Fails the setup of every named state, each with its own reason.</summary>
    private sealed class NoFixtures : IProviderStateHandler
    {
        public Task<ProviderStateResult> ChangeAsync(ProviderStateChange change, CancellationToken cancellationToken) =>
            Task.FromResult(change.Setup && change.State.Length > 0
                ? ProviderStateResult.Failed($"Provider state '{change.State}': no fixture for it")
                : ProviderStateResult.None);
    }

    /// <summary>Fails the setup of a state given an odd id, naming the id: one state, a different failure each time.</summary>
    private sealed class FailsForOddIds : IProviderStateHandler
    {
        public Task<ProviderStateResult> ChangeAsync(ProviderStateChange change, CancellationToken cancellationToken) =>
            Task.FromResult(change.Setup && change.Params["id"]?.GetValue<int>() is { } id && id % 2 == 1
                ? ProviderStateResult.Failed($"Provider state '{change.State}': order {id} could not be made")
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
