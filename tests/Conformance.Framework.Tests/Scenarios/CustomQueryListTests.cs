using System.Text.Json.Nodes;
using Conformance.Contracts;
using Conformance.Diagnostics;
using Conformance.Probing;

namespace Conformance.Framework.Tests.Scenarios;

/// <summary>A custom row's <c>query</c> list sends the name once per item, replacing every value the baseline sends under it.</summary>
public sealed class CustomQueryListTests
{
    [Test]
    public async Task Custom_QueryListOverARepeatedBaselineName_ItsItemsReplaceEveryBaselineValue()
    {
        var get = new Operation("list_things", "GET", "/things", new Dictionary<string, string>(), [new("tag", "a"), new("limit", "1"), new("tag", "b")], new Dictionary<string, string>(), null, null, false, new SourceLocation("api.yaml", 1, 1));
        var pack = Checks.CheckFixture.Pack with { Operations = new Dictionary<string, Operation> { [get.Id] = get } };
        var with = new Dictionary<string, JsonNode?> { ["query"] = new JsonObject { ["tag"] = new JsonArray("x", "y z", 3) } };

        var exchange = await ScenarioCatalog.Find("custom")!.RunAsync(new ScenarioInput(pack, get, Baseline.Build(pack, get, "t"), with), new RecordingSender(), CancellationToken.None);

        Assert.That(exchange.Request.Query, Is.EqualTo(new KeyValuePair<string, string>[] { new("limit", "1"), new("tag", "x"), new("tag", "y z"), new("tag", "3") }));
    }
}
