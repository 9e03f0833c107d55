using System.Text.Json.Nodes;
using Conformance.Contracts;

namespace Conformance.Pact.Tests;

/// <summary>
/// A request replays an interaction expecting 401 with the exported credential only when every interaction with the
/// credential it may replay (same method and path, or a generated path) expects 401.
/// </summary>
public sealed class PactRefusalsTests
{
    private static readonly AuthScheme Bearer = new("Authorization", null, "Bearer {token}", null, "sample-token");
    private static readonly AuthScheme ApiKey = new(null, "api_key", "{token}", null, "sample-key");

    [TestCase("GET", "/locked", ExpectedResult = true)]
    [TestCase("get", "/locked", ExpectedResult = true)]
    [TestCase("GET", "/open", ExpectedResult = false)]
    [TestCase("DELETE", "/locked", ExpectedResult = false)]
    [TestCase("GET", "/elsewhere", ExpectedResult = false)]
    public bool Expected_RequestAgainstTheCredentialsInteractions_TrueOnlyWhereAllExpect401(string method, string path) =>
        PactRefusals.Read([Pact(
            Interaction("GET", "/locked", ["Bearer sample-token"], 401),
            Interaction("GET", "/open", ["Bearer sample-token"], 200),
            Interaction("GET", "/open", null, 401),
            Interaction("DELETE", "/locked", ["Bearer wrong-token"], 401))], Bearer).Expected(method, path);

    [Test]
    public void Expected_SamePathAlsoExpecting200WithTheCredential_False()
    {
        var refusals = PactRefusals.Read([Pact(Interaction("GET", "/notes/1", ["Bearer sample-token"], 401), Interaction("GET", "/notes/1", ["Bearer sample-token"], 200))], Bearer);

        Assert.That(refusals.Expected("GET", "/notes/1"), Is.False, "which interaction the request replays cannot be told: renewed for, as before");
    }

    [Test]
    public void Expected_AGeneratedPathExpecting200_AnyPathOfThatMethodFalse()
    {
        var generated = Interaction("DELETE", "/notes/11301", ["Bearer sample-token"], 200);
        ((JsonObject)generated["request"]!)["generators"] = new JsonObject { ["path"] = new JsonObject { ["type"] = "ProviderState", ["expression"] = "/notes/${id}" } };
        var refusals = PactRefusals.Read([Pact(Interaction("DELETE", "/notes/locked", ["Bearer sample-token"], 401), generated)], Bearer);

        Assert.That(refusals.Expected("DELETE", "/notes/locked"), Is.False);
    }

    [Test]
    public void Expected_QueryCredentialExpecting401_True()
    {
        var interaction = Interaction("GET", "/report", null, 401);
        ((JsonObject)interaction["request"]!)["query"] = new JsonObject { ["api_key"] = new JsonArray("sample-key") };

        Assert.That(PactRefusals.Read([Pact(interaction)], ApiKey).Expected("GET", "/report"), Is.True);
    }

    [Test]
    public void Expected_None_False() => Assert.That(PactRefusals.None.Expected("GET", "/"), Is.False);

    private static string Pact(params JsonObject[] interactions) => new JsonObject { ["interactions"] = new JsonArray(interactions) }.ToJsonString();

    private static JsonObject Interaction(string method, string path, string[]? authorization, int status) => new()
    {
        ["description"] = $"{method} {path} {status}",
        ["request"] = new JsonObject
        {
            ["method"] = method,
            ["path"] = path,
            ["headers"] = authorization is null ? new JsonObject() : new JsonObject { ["Authorization"] = new JsonArray([.. authorization.Select(a => (JsonNode)a)]) },
        },
        ["response"] = new JsonObject { ["status"] = status },
    };
}
