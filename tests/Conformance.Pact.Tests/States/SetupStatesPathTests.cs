using System.Collections.Concurrent;
using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Pact.Export;
using Conformance.Pact.States;
using Conformance.Pact.Tests.Export;
using Conformance.Pact.Tests.Providers;
using Conformance.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Conformance.Pact.Tests.States;

/// <summary>
/// A captured id that a path must carry escaped (<c>a/b c?d</c>): the verifier, given the state by
/// <see cref="SetupStates"/>, sends the exported delete_note / valid interaction's path as a row sends it; a state-change
/// endpoint of another kind, which answers only the variable, still has its value sent as it answered it. The shipped notes
/// pack is copied with its note ids allowed to be strings, since a setup's answer must meet create_note's schema.
/// </summary>
[NonParallelizable]
public sealed class SetupStatesPathTests
{
    private const string Delete = "notes / delete_note / valid -> 200";
    private const string Escaped = "/v1/notes/a%2Fb%20c%3Fd";
    private readonly ConcurrentQueue<string> received = new();
    private TempFolder folder = null!;
    private LoopbackApp target = null!;
    private string pact = null!;
    private LoadedPack notes = null!;
    private ExportedPact export = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        folder = new TempFolder();
        target = await LoopbackApp.StartAsync(web => web.Run(async context =>
        {
            received.Enqueue($"{context.Request.Method} {context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget}");
            context.Response.StatusCode = context.Request.Method == "POST" ? 201 : 200;
            await context.Response.WriteAsJsonAsync(new { ok = true, id = "a/b c?d" });
        }));
        notes = StringIds(folder.Path);
        export = PactExporter.Export(notes);
        pact = PactWriter.Write(export.Pact with { Interactions = [.. export.Pact.Interactions.Where(i => i.Description == Delete)] }, folder.Path);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await target.DisposeAsync();
        folder.Dispose();
    }

    [SetUp]
    public void Forget() => received.Clear();

    [Test]
    public async Task Verify_CapturedIdNeedsEscaping_PathSentAsARowSendsIt()
    {
        using var run = Run();
        var row = notes.Rows.Single(r => r.CaseName == Delete);
        await run.Runner.RunAsync(row, CancellationToken.None);
        var byRow = received.ToArray();
        received.Clear();
        await using (var states = new SetupStates(notes.Pack!, run.Clients["notes"], run.Redactor))
        {
            PactVerifier.Verify(new PactVerifierOptions("notes", target.BaseUri) { StateHandler = states }, PactSource.Files([pact]));
        }

        Assert.Multiple(() =>
        {
            Assert.That(byRow, Is.EqualTo(new[] { "POST /v1/notes", $"DELETE {Escaped}", $"DELETE {Escaped}" }), "the row: setup, probe, cleanup");
            Assert.That(received, Is.EqualTo(byRow), "the verifier: setup, interaction, cleanup on teardown");
        });
    }

    [TestCase("""{"deletable_note_id": 70001}""", "/v1/notes/70001")]
    [TestCase("""{"deletable_note_id": "a%2Fb"}""", "/v1/notes/a%2Fb")]
    [TestCase("""{}""", "/v1/notes/11301")]
    public async Task Verify_OtherStateEndpointAnswersOnlyTheVariable_PathCarriesItAsAnswered(string answer, string path)
    {
        await using var own = await LoopbackApp.StartAsync(web => web.MapPost("/states", () => Results.Text(answer, "application/json")));

        PactVerifier.Verify(new PactVerifierOptions("notes", target.BaseUri) { ProviderStateChangeUri = new Uri(own.BaseUri, "states") }, PactSource.Files([pact]));

        Assert.That(received, Is.EqualTo(new[] { $"DELETE {path}" }));
    }

    [Test]
    public async Task Verify_PathVariantNeitherAnsweredNorInParams_ExamplePathSent()
    {
        // Why the export gives ".path" as "" in the params: libpact_ffi 0.5.8 drops an expression naming a variable that
        // neither the answer nor the params give, and sends the example, even when the answer has the variable itself.
        var delete = export.Pact.Interactions.Single(i => i.Description == Delete);
        var without = delete with { States = [.. delete.States.Select(s => s with { Params = s.Params.Where(p => p.Key == "deletable_note_id").ToDictionary() })] };
        using var withoutFolder = new TempFolder();
        var file = PactWriter.Write(export.Pact with { Interactions = [without] }, withoutFolder.Path);
        await using var own = await LoopbackApp.StartAsync(web => web.MapPost("/states", () => Results.Json(new { deletable_note_id = 70001 })));

        PactVerifier.Verify(new PactVerifierOptions("notes", target.BaseUri) { ProviderStateChangeUri = new Uri(own.BaseUri, "states") }, PactSource.Files([file]));

        Assert.That(received, Is.EqualTo(new[] { "DELETE /v1/notes/11301" }));
    }

    [Test]
    public async Task Verify_PactExportedBeforePathVariants_StateAnswersTheValueAsItIs()
    {
        // An exported pact of an earlier version (from a broker, say): the path is ${deletable_note_id}, the params have no
        // .path variant, so the answer is the captured value itself, as it was then (not "", which would empty the path).
        var delete = export.Pact.Interactions.Single(i => i.Description == Delete);
        var earlier = delete with
        {
            Request = delete.Request with { PathExpression = "/v1/notes/${deletable_note_id}" },
            States = [.. delete.States.Select(s => s with { Params = s.Params.Where(p => p.Key == "deletable_note_id").ToDictionary() })],
        };
        using var earlierFolder = new TempFolder();
        var file = PactWriter.Write(export.Pact with { Interactions = [earlier] }, earlierFolder.Path);
        using var run = Run();
        await using (var states = new SetupStates(notes.Pack!, run.Clients["notes"], run.Redactor))
        {
            PactVerifier.Verify(new PactVerifierOptions("notes", target.BaseUri) { StateHandler = states }, PactSource.Files([file]));
        }

        Assert.That(received, Is.EqualTo(new[] { "POST /v1/notes", "DELETE /v1/notes/a/b%20c?d", $"DELETE {Escaped}" }), "setup, interaction, cleanup on teardown");
    }

    /// <summary>A run whose notes target is the loopback API (as the reference: its sample token, mutation allowed).</summary>
    private ConformanceRun Run() =>
        new(new ContractSet([notes]), new SettingsSource(_ => null, _ => null), _ => target.BaseUri);

    /// <summary>The shipped notes pack, copied under <paramref name="root"/> with create_note's ids of type integer or string.</summary>
    private static LoadedPack StringIds(string root)
    {
        var shipped = Path.Combine(RepoPaths.Root(), "contracts", "notes");
        var copy = Path.Combine(root, "contracts", "notes");
        foreach (var file in Directory.EnumerateFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(copy, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        var schema = Path.Combine(copy, "schemas", "note-created.schema.json");
        File.WriteAllText(schema, File.ReadAllText(schema).Replace("\"noteId\": { \"type\": \"integer\"", "\"noteId\": { \"type\": [\"integer\", \"string\"]", StringComparison.Ordinal));
        return PackLoader.Load(copy, root);
    }
}
