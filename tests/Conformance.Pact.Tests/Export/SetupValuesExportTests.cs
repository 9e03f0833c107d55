using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Pact.Export;
using Conformance.Pact.States;
using Conformance.Pact.Tests.Providers;
using Conformance.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Conformance.Pact.Tests.Export;

/// <summary>
/// A captured variable in the path, a header and a query parameter of a setup row: each is a ProviderState generator in
/// the pact file; the suites' probes (with the mock server's created id) match the mock server, and the verifier with
/// <see cref="SetupStates"/> sends the created id in all three to a provider that knows only that one.
/// </summary>
[NonParallelizable]
public sealed class SetupValuesExportTests
{
    private const string ApiYaml = """
        name: tickets
        title: Tickets
        auth: { header: Authorization, format: "Bearer {token}", sample: tickets-sample-token }
        vars: { ticket_id: 5 }
        statuses: { 200: OK, 201: Created, 404: Not Found }
        operations:
          create_ticket: { method: POST, path: /tickets, body: { title: printer on fire }, schema: schemas/created.schema.json }
          get_ticket:
            method: GET
            path: /tickets/{id}
            params: { id: "${ticket_id}" }
            query: { ticket: "${ticket_id}", view: full }
            headers: { X-Ticket: "${ticket_id}" }
            mutates: false
            setup: { op: create_ticket, capture: { ticket_id: /id } }
        """;

    private const string Table = """
        rows:
          - { op: create_ticket, scenario: valid, expect: 201 }
          - { op: get_ticket, scenario: valid, expect: 200 }
        """;

    private const string Schema = """{ "type": "object", "required": ["id"], "properties": { "id": { "type": "integer", "minimum": 1 } } }""";

    [Test]
    public async Task Export_CapturedInPathHeaderAndQuery_EachHasProviderStateGenerator()
    {
        using var folder = new TempFolder();
        var file = PactWriter.Write(PactExporter.Export(Load(folder.Path)).Pact, folder.Path);

        var interaction = JsonNode.Parse(await File.ReadAllTextAsync(file))!["interactions"]!.AsArray().Single(i => (string?)i!["description"] == "tickets / get_ticket / valid -> 200")!;
        Assert.Multiple(() =>
        {
            Assert.That(interaction["request"]!["generators"]!.ToJsonString(), Is.EqualTo(
                """{"header":{"X-Ticket":{"expression":"${ticket_id.raw}${ticket_id}","type":"ProviderState"}},"path":{"expression":"/tickets/${ticket_id.path}${ticket_id}","type":"ProviderState"},"query":{"ticket":{"expression":"${ticket_id.raw}${ticket_id}","type":"ProviderState"}}}"""));
            Assert.That(interaction["providerStates"]![1]!["params"]!.ToJsonString(), Is.EqualTo("""{"ticket_id":5,"ticket_id.path":"","ticket_id.raw":""}"""));
        });
    }

    [Test]
    public async Task MockServer_SuiteProbesOfASetupRow_AllMatched()
    {
        using var folder = new TempFolder();
        var loaded = Load(folder.Path);

        var (allMatched, report) = await ExportedPacks.ProbeMockAsync(loaded, PactExporter.Export(loaded).Pact);

        Assert.That(allMatched, Is.True, report);
    }

    [Test]
    public async Task Verify_SetupStates_CreatedIdInPathHeaderAndQuery()
    {
        using var folder = new TempFolder();
        var loaded = Load(folder.Path);
        var file = PactWriter.Write(PactExporter.Export(loaded).Pact, folder.Path);
        var created = new ConcurrentQueue<string>();
        await using var target = await LoopbackApp.StartAsync(web =>
        {
            web.MapPost("/tickets", () =>
            {
                created.Enqueue("9001");
                return Results.Json(new { id = 9001 }, statusCode: 201);
            });
            web.MapGet("/tickets/{id}", (string id, HttpRequest request) =>
                created.Contains(id) && request.Query["ticket"] == id && request.Headers["X-Ticket"] == id && request.Query["view"] == "full"
                    ? Results.Ok()
                    : Results.NotFound());
        });
        using var run = new ConformanceRun(new ContractSet([loaded]), new SettingsSource(_ => null, _ => null), _ => target.BaseUri);
        await using var states = new SetupStates(loaded.Pack!, run.Clients["tickets"], run.Redactor);

        var result = PactVerifier.Verify(new PactVerifierOptions("tickets", target.BaseUri) { StateHandler = states }, PactSource.Files([file]));

        Assert.That(result.Interactions.Select(i => $"{i.Description}: {i.Mismatch ?? "passed"}"), Is.EquivalentTo(new[]
        {
            "tickets / create_ticket / valid -> 201: passed",
            "tickets / get_ticket / valid -> 200: passed",
        }));
    }

    [Test]
    public async Task Verify_SetupStatesCapturedIdNeedsEscaping_PathEscapedHeaderAndQueryAsCaptured()
    {
        using var folder = new TempFolder();
        var loaded = Load(folder.Path);
        var file = PactWriter.Write(PactExporter.Export(loaded).Pact, folder.Path);
        var sent = new ConcurrentQueue<string>();
        await using var target = await LoopbackApp.StartAsync(web =>
        {
            web.MapPost("/tickets", () => Results.Json(new { id = "t/1 x?y" }, statusCode: 201));
            web.MapFallback((HttpContext context) =>
            {
                sent.Enqueue($"{context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget.Split('?')[0]} ticket={context.Request.Query["ticket"]} X-Ticket={context.Request.Headers["X-Ticket"]}");
                return Results.Ok();
            });
        });
        using var run = new ConformanceRun(new ContractSet([loaded]), new SettingsSource(_ => null, _ => null), _ => target.BaseUri);
        await using var states = new SetupStates(loaded.Pack!, run.Clients["tickets"], run.Redactor);

        PactVerifier.Verify(new PactVerifierOptions("tickets", target.BaseUri) { StateHandler = states }, PactSource.Files([file]));

        Assert.That(sent, Is.EqualTo(new[] { "/tickets/t%2F1%20x%3Fy ticket=t/1 x?y X-Ticket=t/1 x?y" }));
    }

    [Test]
    public async Task Verify_OtherStateEndpointAnswersOnlyTheVariable_PathHeaderAndQueryCarryIt()
    {
        using var folder = new TempFolder();
        var file = PactWriter.Write(PactExporter.Export(Load(folder.Path)).Pact, folder.Path);
        var sent = new ConcurrentQueue<string>();
        await using var target = await LoopbackApp.StartAsync(web =>
        {
            web.MapPost("/states", () => Results.Json(new { ticket_id = 9001 }));
            web.MapGet("/tickets/{id}", (string id, HttpRequest request) =>
            {
                sent.Enqueue($"/tickets/{id} ticket={request.Query["ticket"]} X-Ticket={request.Headers["X-Ticket"]}");
                return Results.Ok();
            });
        });

        PactVerifier.Verify(
            new PactVerifierOptions("tickets", target.BaseUri) { ProviderStateChangeUri = new Uri(target.BaseUri, "states"), OnlyDescriptions = ["tickets / get_ticket / valid -> 200"] },
            PactSource.Files([file]));

        Assert.That(sent, Is.EqualTo(new[] { "/tickets/9001 ticket=9001 X-Ticket=9001" }));
    }

    private static LoadedPack Load(string root)
    {
        var pack = Path.Combine(root, "tickets");
        Directory.CreateDirectory(Path.Combine(pack, "tables"));
        Directory.CreateDirectory(Path.Combine(pack, "schemas"));
        File.WriteAllText(Path.Combine(pack, "api.yaml"), ApiYaml);
        File.WriteAllText(Path.Combine(pack, "schemas", "created.schema.json"), Schema);
        File.WriteAllText(Path.Combine(pack, "tables", "status.yaml"), Table);
        var loaded = PackLoader.Load(pack, root);
        Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
        return loaded;
    }
}
