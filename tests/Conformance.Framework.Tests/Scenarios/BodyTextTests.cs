using System.Text.Json.Nodes;
using Conformance.Contracts;
using Conformance.Diagnostics;
using Conformance.Probing;

namespace Conformance.Framework.Tests.Scenarios;

/// <summary>
/// A JSON request body is sent as a client writes it: <c>&amp;</c>, <c>&lt;</c>, <c>'</c> and accented letters as
/// themselves, not as System.Text.Json's <c>\u0026</c>-style escapes, so the API, the curl line and the Allure request
/// all show what the pack says.
/// </summary>
public sealed class BodyTextTests
{
    private static readonly SourceLocation At = new("api.yaml", 1, 1);

    private static readonly Operation Create = new("create_company", "POST", "/companies", new Dictionary<string, string>(), [], new Dictionary<string, string>(),
        JsonNode.Parse("""{"name":"Widgets & Co <AG>","city":"Zürich","note":"it's \"new\""}"""), null, true, At);

    [Test]
    public void Baseline_BodyWithAmpersandAccentsAndQuotes_SentAsWritten()
    {
        var pack = Checks.CheckFixture.Pack with { Operations = new Dictionary<string, Operation> { [Create.Id] = Create } };

        var request = Baseline.Build(pack, Create, "t");

        Assert.That(request.Body, Is.EqualTo("""{"name":"Widgets & Co <AG>","city":"Zürich","note":"it's \"new\""}"""));
    }

    [Test]
    public async Task InvalidField_ValueWithAccents_SentAsWritten()
    {
        var pack = Checks.CheckFixture.Pack with { Operations = new Dictionary<string, Operation> { [Create.Id] = Create } };
        var input = new ScenarioInput(pack, Create, Baseline.Build(pack, Create, "t"), new Dictionary<string, JsonNode?> { ["field"] = "/city", ["value"] = "Genève & Lyon" });

        var exchange = await ScenarioCatalog.Find("invalid_field")!.RunAsync(input, new RecordingSender(), CancellationToken.None);

        Assert.That(exchange.Request.Body, Does.Contain("\"city\":\"Genève & Lyon\""));
    }
}
