using System.Text.Json.Nodes;
using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Pact.Export;
using Conformance.Pact.Tests.Providers;
using Conformance.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests.Export;

/// <summary>
/// An operation with <c>bodyType: form</c> exports its interactions with the form as the request body, typed
/// <c>application/x-www-form-urlencoded</c> (pact keeps a non-JSON body as its text and matches a form field by field);
/// the suites' own probes match the mock server, and a provider that reads the form passes the verifier.
/// </summary>
[NonParallelizable]
public sealed class FormExportTests
{
    private const string Form = "grant_type=client_credentials&client_id=app-1&scope=read%20write&audience=api&audience=admin%20ui";

    private const string ApiYaml = """
        name: formtoken
        title: A token endpoint that takes a form
        auth: { header: Authorization, format: "Basic {token}", sample: YXBwLTE6c2VjcmV0 }
        vars: { client_id: app-1 }
        statuses: { 200: OK, 400: Bad Request }
        operations:
          create_token:
            method: POST
            path: /oauth/token
            bodyType: form
            body: { grant_type: client_credentials, client_id: "${client_id}", scope: read write, audience: [api, admin ui] }
        """;

    private const string Table = """
        rows:
          - { op: create_token, scenario: valid, expect: 200 }
          - { op: create_token, scenario: missing_field, with: { field: client_id }, expect: 400 }
        """;

    [Test]
    public async Task Export_FormOperation_RequestBodyIsTheFormWithItsContentType()
    {
        using var folder = new TempFolder();
        var export = PactExporter.Export(Load(folder.Path));

        var file = PactWriter.Write(export.Pact, folder.Path);

        var requests = JsonNode.Parse(await File.ReadAllTextAsync(file))!["interactions"]!.AsArray().Select(i => i!["request"]!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(requests.Select(r => r["body"]!["content"]!.GetValue<string>()), Is.EquivalentTo(new[] { Form, Form.Replace("&client_id=app-1", string.Empty, StringComparison.Ordinal) }));
            Assert.That(requests.Select(r => r["body"]!["contentType"]!.GetValue<string>()), Is.All.EqualTo("application/x-www-form-urlencoded"));
            Assert.That(requests.Select(r => r["headers"]!["Content-Type"]!.ToJsonString()), Is.All.Contain("application/x-www-form-urlencoded"));
        });
    }

    [Test]
    public async Task MockServer_SuiteProbesOfAFormOperation_AllMatched()
    {
        using var folder = new TempFolder();
        var loaded = Load(folder.Path);

        var (allMatched, report) = await ExportedPacks.ProbeMockAsync(loaded, PactExporter.Export(loaded).Pact);

        Assert.That(allMatched, Is.True, report);
    }

    [Test]
    public async Task Verify_ProviderReadingTheForm_EveryInteractionPasses()
    {
        using var folder = new TempFolder();
        var file = PactWriter.Write(PactExporter.Export(Load(folder.Path)).Pact, folder.Path);
        await using var provider = await LoopbackApp.StartAsync(web => web.MapPost("/oauth/token", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            return Results.StatusCode(form["client_id"] == "app-1" && form["scope"] == "read write" && form["audience"].Count == 2 ? 200 : 400);
        }));

        var result = PactVerifier.Verify(new PactVerifierOptions("formtoken", provider.BaseUri), PactSource.Files([file]));

        Assert.Multiple(() =>
        {
            Assert.That(result.Interactions.Where(i => !i.Passed).Select(i => $"{i.Description}: {i.Mismatch}"), Is.Empty);
            Assert.That(result.Interactions, Has.Count.EqualTo(2));
        });
    }

    private static LoadedPack Load(string root)
    {
        var pack = Path.Combine(root, "formtoken");
        Directory.CreateDirectory(Path.Combine(pack, "tables"));
        File.WriteAllText(Path.Combine(pack, "api.yaml"), ApiYaml);
        File.WriteAllText(Path.Combine(pack, "tables", "status.yaml"), Table);
        var loaded = PackLoader.Load(pack, root);
        Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
        return loaded;
    }
}
