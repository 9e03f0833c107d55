using System.Text.Json;

namespace Conformance.Pact.Tests;

public sealed class PactWriterTests
{
    [Test]
    public void Write_ThreeInteractions_FileNamedAfterConsumerAndProvider()
    {
        using var folder = new TempFolder();

        var path = PactWriter.Write(OrdersPact.Definition, folder.Path);

        Assert.That(path, Is.EqualTo(Path.Combine(folder.Path, "orders-ui-orders-api.json")));
    }

    [Test]
    public void Write_TwoInteractionsOfOneDescription_RefusedNamingIt()
    {
        using var folder = new TempFolder();
        var first = OrdersPact.Definition.Interactions[0];
        var pact = OrdersPact.Definition with { Interactions = [first, first with { ProviderState = "another state" }] };

        var error = Assert.Throws<PactException>(() => PactWriter.Write(pact, folder.Path));

        Assert.That(error!.Message, Is.EqualTo($"Two interactions of the pact orders-ui -> orders-api share the description '{first.Description}'; the pact would keep only one. Give each its own description."));
    }

    [Test]
    public void Write_ThreeInteractions_V4SynchronousHttp()
    {
        using var folder = new TempFolder();

        using var pact = JsonDocument.Parse(File.ReadAllText(PactWriter.Write(OrdersPact.Definition, folder.Path)));

        var root = pact.RootElement;
        var interactions = root.GetProperty("interactions").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("metadata").GetProperty("pactSpecification").GetProperty("version").GetString(), Is.EqualTo("4.0"));
            Assert.That(root.GetProperty("consumer").GetProperty("name").GetString(), Is.EqualTo("orders-ui"));
            Assert.That(interactions.Select(i => i.GetProperty("type").GetString()), Is.All.EqualTo("Synchronous/HTTP"));
            Assert.That(
                interactions.Select(i => i.GetProperty("description").GetString()),
                Is.EquivalentTo(new[] { "a request for order 42", "a request for a missing order", "a search for open orders" }));
        });
    }

    [Test]
    public void Write_ErrorInteraction_CarriesStateStatusAndSchemaMatchers()
    {
        using var folder = new TempFolder();

        using var pact = JsonDocument.Parse(File.ReadAllText(PactWriter.Write(OrdersPact.Definition, folder.Path)));

        var missing = pact.RootElement.GetProperty("interactions").EnumerateArray()
            .Single(i => i.GetProperty("description").GetString() == "a request for a missing order");
        var response = missing.GetProperty("response");
        var rules = response.GetProperty("matchingRules").GetProperty("body");
        Assert.Multiple(() =>
        {
            Assert.That(missing.GetProperty("providerStates")[0].GetProperty("name").GetString(), Is.EqualTo("order 999 does not exist"));
            Assert.That(response.GetProperty("status").GetInt32(), Is.EqualTo(404));
            Assert.That(
                rules.GetProperty("$.errors[*].errorCode").GetProperty("matchers")[0].GetProperty("regex").GetString(),
                Is.EqualTo("^(?:ORDER_NOT_FOUND|ORDER_GONE)$"));
            Assert.That(
                rules.GetProperty("$.errors[*].status").GetProperty("matchers")[0].GetProperty("match").GetString(),
                Is.EqualTo("integer"));
        });
    }

    [Test]
    public void Write_SameFolderTwice_Overwrites()
    {
        using var folder = new TempFolder();
        PactWriter.Write(OrdersPact.Definition, folder.Path);

        var path = PactWriter.Write(OrdersPact.Definition with { Interactions = [OrdersPact.SearchOrders] }, folder.Path);

        using var pact = JsonDocument.Parse(File.ReadAllText(path));
        Assert.That(pact.RootElement.GetProperty("interactions").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public void Write_StatusOutOfRange_ThrowsNamingInteraction()
    {
        using var folder = new TempFolder();
        var bad = OrdersPact.SearchOrders with { Response = OrdersPact.SearchOrders.Response with { Status = 42 } };

        Assert.That(
            () => PactWriter.Write(OrdersPact.Definition with { Interactions = [bad] }, folder.Path),
            Throws.ArgumentException.With.Message.EqualTo(
                "Interaction 'a search for open orders' has status 42; a status is 100 to 599. (Parameter 'response')"));
    }
}
