using System.Text.Json.Nodes;
using Conformance.ReferenceApi.Tests.Support;

namespace Conformance.ReferenceApi.Tests;

/// <summary>The shipped schemas parse, and the reference API's bodies carry what they require (ringcentral's page gives its error body no shape: its extension body stands in).</summary>
public sealed class ContractFileTests
{
    private static IEnumerable<TestCaseData> Schemas() =>
        Directory.EnumerateFiles(RepoFiles.Contracts, "*.schema.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetName($"Schema_{Path.GetRelativePath(RepoFiles.Contracts, path)}_IsJsonWith2020Dialect"));

    [TestCaseSource(nameof(Schemas))]
    public void Schema_File_IsJsonWith2020Dialect(string path)
    {
        var schema = JsonNode.Parse(File.ReadAllText(path));
        Assert.That((string?)schema!["$schema"], Is.EqualTo("https://json-schema.org/draft/2020-12/schema"));
    }

    [TestCase("ringcentral", "GET", "restapi/v1.0/account/~/extension/101", "ringcentral/schemas/extension.schema.json", "")]
    [TestCase("fonedynamics", "GET", "api/v2/Calls/CA00000000000000000000000000000000", "fonedynamics/schemas/error.schema.json", "/ResponseStatus")]
    [TestCase("ranges", "POST", "v1/projects", "ranges/schemas/project.schema.json", "")]
    [TestCase("notes", "POST", "v1/notes", "notes/schemas/note-created.schema.json", "")]
    public async Task ReferenceBody_PackSchema_HasEveryRequiredField(string api, string method, string path, string schemaPath, string wrapper)
    {
        var schema = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoFiles.Contracts, schemaPath)))!;
        await using var server = await ReferenceServer.StartAsync();
        using var client = new ApiClient(server, api);
        var body = method == "POST" ? Valid(api) : null;
        using var response = await client.SendAsync(new HttpMethod(method), path, body);
        var json = await ApiClient.JsonAsync(response);

        var required = Required(schema).ToList();
        var node = json;
        if (wrapper.Length > 0)
        {
            node = json[wrapper.TrimStart('/')]!;
            required = Required(schema["$defs"]!["responseStatus"]!).ToList();
        }

        Assert.That(required, Is.Not.Empty);
        Assert.That(node.AsObject().Select(p => p.Key), Is.SupersetOf(required));
    }

    [Test]
    public async Task FoneDynamicsErrorCode_ReferenceAnswers_IsInTheSchemaEnum()
    {
        var schema = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoFiles.Contracts, "fonedynamics/schemas/error.schema.json")))!;
        var codes = schema["$defs"]!["errorCode"]!["enum"]!.AsArray().Select(c => (string?)c).ToList();
        await using var server = await ReferenceServer.StartAsync();
        using var client = new ApiClient(server, "fonedynamics");
        using var response = await client.SendAsync(HttpMethod.Post, "api/v2/Properties/PR3F2504E04F8911D39A0C0305E82C3301/Messages", """{"To":"1"}""");
        var code = (string?)(await ApiClient.JsonAsync(response))["ResponseStatus"]!["ErrorCode"];
        Assert.That(codes, Has.Count.EqualTo(53));
        Assert.That(codes, Does.Contain(code));
    }

    private static IEnumerable<string> Required(JsonNode schema) =>
        schema["required"]?.AsArray().Select(r => (string)r!) ?? [];

    private static string Valid(string api) => api switch
    {
        "ranges" => """{"name":"Launch","owner_id":"usr_1001"}""",
        _ => """{"customer_id":1001,"body":"This is a test note."}""",
    };
}
