using System.Text.Json.Nodes;
using Conformance.Contracts;
using Conformance.Diagnostics;
using Conformance.Probing;

namespace Conformance.Framework.Tests.Scenarios;

/// <summary>
/// wrong_method never picks a method the route serves (paths compared as routes, not as text), and unknown_id finds
/// its parameter whatever the case it is written in, and only among the path's parameters.
/// </summary>
public sealed class BasicScenarioTests
{
    private static readonly SourceLocation At = new("api.yaml", 1, 1);

    private static Operation Op(string id, string method, string path, params (string Name, string Value)[] parameters) =>
        new(id, method, path, parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase), [], new Dictionary<string, string>(), null, null, method != "GET", At);

    private static async Task<ProbeRequest> ProbeAsync(string scenario, Operation operation, IEnumerable<Operation> all, Dictionary<string, JsonNode?>? with = null)
    {
        var pack = Checks.CheckFixture.Pack with { Operations = all.ToDictionary(o => o.Id) };
        var input = new ScenarioInput(pack, operation, Baseline.Build(pack, operation, "t"), with ?? []);
        var exchange = await ScenarioCatalog.Find(scenario)!.RunAsync(input, new RecordingSender(), CancellationToken.None);
        return exchange.Request;
    }

    [Test]
    public async Task WrongMethod_SameRouteWrittenWithAnotherParameterName_PicksAMethodNoOperationServes()
    {
        var get = Op("get_w", "GET", "/w/{id}", ("id", "1"));
        var delete = Op("delete_w", "DELETE", "/w/{w_id}/", ("w_id", "1"));

        var probe = await ProbeAsync("wrong_method", get, [get, delete]);

        Assert.That(probe.Method, Is.Not.EqualTo("DELETE").And.Not.EqualTo("GET"));
    }

    [Test]
    public async Task UnknownId_ParameterWrittenInAnotherCase_ValueReplaced()
    {
        var get = Op("get_thing", "GET", "/things/{thingId}", ("thingid", "1"));

        var probe = await ProbeAsync("unknown_id", get, [get], new() { ["value"] = "999999" });

        Assert.That(probe.Path, Is.EqualTo("/things/999999"));
    }

    [Test]
    public void UnknownId_ParameterNotInThePath_Invalid()
    {
        var get = Op("get_thing", "GET", "/things/{id}", ("id", "1"), ("extra", "x"));

        var problem = ScenarioCatalog.Find("unknown_id")!.Validate(get, new Dictionary<string, JsonNode?> { ["param"] = "extra" });

        Assert.That(problem?.What, Is.EqualTo("Operation 'get_thing' has no path parameter 'extra'"));
    }

    [Test]
    public void UnknownId_MisspeltParameter_FixListsOnlyPathParametersWithDidYouMean()
    {
        var get = Op("get_thing", "GET", "/things/{id}", ("id", "1"), ("extra", "x"));

        var problem = ScenarioCatalog.Find("unknown_id")!.Validate(get, new Dictionary<string, JsonNode?> { ["param"] = "idd" });

        Assert.That(problem?.Fix, Is.EqualTo("Name one of: id. Did you mean 'id'?"));
    }

    [Test]
    public void UnknownId_OperationWithoutPathParameter_SaysThereIsNoIdToReplace()
    {
        var create = Op("create_thing", "POST", "/things");

        var problem = ScenarioCatalog.Find("unknown_id")!.Validate(create, new Dictionary<string, JsonNode?>());

        Assert.That(problem, Is.EqualTo(new ScenarioProblem("Operation 'create_thing' has no path parameter",
            "its path /things has none, so unknown_id has no id to replace",
            "Use unknown_id on an operation whose path has a parameter ({id}), or a custom row with its own path.")));
    }

    [Test]
    public void WrongMethod_NotAMethod_FixListsTheOthersAndSuggests()
    {
        var get = Op("get_thing", "GET", "/things/{id}", ("id", "1"));

        var problem = ScenarioCatalog.Find("wrong_method")!.Validate(get, new Dictionary<string, JsonNode?> { ["method"] = "FETCH" });

        Assert.That(problem?.Fix, Is.EqualTo("Use another of HEAD, POST, PUT, PATCH, DELETE, OPTIONS. Did you mean 'PATCH'?"));
    }
}
