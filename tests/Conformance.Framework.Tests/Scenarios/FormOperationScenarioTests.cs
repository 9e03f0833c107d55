using System.Text.Json.Nodes;
using Conformance.Contracts;
using Conformance.Diagnostics;
using Conformance.Probing;

namespace Conformance.Framework.Tests.Scenarios;

/// <summary>
/// An operation with <c>bodyType: form</c>: its baseline and every scenario that edits or re-sends the body go out
/// form-encoded with <c>application/x-www-form-urlencoded</c>; the scenarios about the media type keep theirs.
/// </summary>
public sealed class FormOperationScenarioTests
{
    private const string Form = "application/x-www-form-urlencoded";

    private static readonly Operation Token = new(
        "create_token", "POST", "/oauth/token", new Dictionary<string, string>(), [], new Dictionary<string, string>(),
        JsonNode.Parse("""{"grant_type":"client_credentials","client_id":"${client}","scope":"read write","tag":["a","b"]}"""),
        null, true, new SourceLocation("api.yaml", 1, 1))
    {
        BodyType = BodyType.Form,
    };

    private static readonly Dictionary<string, JsonNode?> Values = new() { ["client"] = "app 1" };

    private static async Task<ProbeRequest> ProbeAsync(string scenario, Dictionary<string, JsonNode?>? with = null)
    {
        var operation = VarBinding.Bind(Token, Values);
        var pack = Checks.CheckFixture.Pack with { Operations = new Dictionary<string, Operation> { [operation.Id] = operation } };
        var input = new ScenarioInput(pack, operation, Baseline.Build(pack, operation, "t"), with ?? []);
        return (await ScenarioCatalog.Find(scenario)!.RunAsync(input, new RecordingSender(), CancellationToken.None)).Request;
    }

    [TestCase("valid", null, null, "grant_type=client_credentials&client_id=app%201&scope=read%20write&tag=a&tag=b")]
    [TestCase("form_body", null, null, "grant_type=client_credentials&client_id=app%201&scope=read%20write&tag=a&tag=b")]
    [TestCase("missing_field", "scope", null, "grant_type=client_credentials&client_id=app%201&tag=a&tag=b")]
    [TestCase("missing_field", "/tag/1", null, "grant_type=client_credentials&client_id=app%201&scope=read%20write&tag=a")]
    [TestCase("invalid_field", "grant_type", "7", "grant_type=7&client_id=app%201&scope=read%20write&tag=a&tag=b")]
    [TestCase("too_long_field", "scope", "5", "grant_type=client_credentials&client_id=app%201&scope=xxxxx&tag=a&tag=b")]
    public async Task Scenario_FormOperation_BodyFormEncoded(string scenario, string? field, string? argument, string expected)
    {
        var with = new Dictionary<string, JsonNode?>();
        if (field is not null)
        {
            with["field"] = field;
            with[scenario == "too_long_field" ? "length" : "value"] = scenario == "invalid_field" ? JsonNode.Parse(argument!) : argument;
        }

        var probe = await ProbeAsync(scenario, with);

        Assert.That((probe.Body, probe.ContentType), Is.EqualTo((expected, Form)));
    }

    [Test]
    public async Task WrongContentType_FormOperation_FormBodyUnderTheOtherType()
    {
        var probe = await ProbeAsync("wrong_content_type", new() { ["contentType"] = "application/json" });

        Assert.That((probe.Body, probe.ContentType), Is.EqualTo(("grant_type=client_credentials&client_id=app%201&scope=read%20write&tag=a&tag=b", "application/json")));
    }

    [Test]
    public async Task MalformedJson_FormOperation_StillBrokenJson() =>
        Assert.That((await ProbeAsync("malformed_json")).ContentType, Is.EqualTo("application/json"));

    [TestCase("""{"grant_type":"password","user name":"ann"}""", null, "grant_type=password&user%20name=ann", Form)]
    [TestCase("\"grant_type=refresh_token\"", null, "grant_type=refresh_token", Form)]
    [TestCase("""{"a":1}""", "application/json", """{"a":1}""", "application/json")]
    public async Task Custom_FormOperation_BodyEncodedAsTheOperationSendsIt(string body, string? contentType, string expected, string expectedType)
    {
        var with = new Dictionary<string, JsonNode?> { ["body"] = JsonNode.Parse(body) };
        if (contentType is not null)
        {
            with["contentType"] = contentType;
        }

        var probe = await ProbeAsync("custom", with);

        Assert.That((probe.Body, probe.ContentType), Is.EqualTo((expected, expectedType)));
    }
}
