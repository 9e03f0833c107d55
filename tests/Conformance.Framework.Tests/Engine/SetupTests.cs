using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text.Json;
using Conformance.Contracts;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// <c>setup:</c> (Packs/setup): each case of delete_note and get_note first creates the note it works on, and the id the
/// creation answers replaces <c>${note_id}</c> in the probe and in the row's body values; a setup that does not answer
/// 2xx with that id sends no probe and says why.
/// </summary>
public sealed class SetupTests
{
    private static readonly LoadedPack Pack = PackLoader.Load(Path.Combine(AppContext.BaseDirectory, "Packs", "setup"), AppContext.BaseDirectory);

    [Test]
    public async Task RunAsync_SetupAnswers201_ProbeUsesTheCapturedId()
    {
        var (results, seen, _) = await RunAsync(Pack.Rows);

        var deleted = results.Single(r => r.CaseName == "setup / delete_note / valid -> 200");
        var read = results.Single(r => r.CaseName == "setup / get_note / valid -> 200");
        var createdForDelete = Id(deleted.Exchange!.Earlier[0]);
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Has.All.EqualTo(Verdict.Passed), string.Join(Environment.NewLine, results.Select(r => r.Message)));
            Assert.That(seen.Count(s => s.StartsWith("POST /notes", StringComparison.Ordinal)), Is.EqualTo(2), "setup: false sends no setup");
            Assert.That(deleted.Exchange.Earlier[0].Request.Method, Is.EqualTo("POST"));
            Assert.That(deleted.Exchange.Earlier[0].Label, Is.EqualTo("Setup (create_note)"));
            Assert.That(deleted.Exchange.Request.Path, Is.EqualTo($"/notes/{createdForDelete}"));
            Assert.That(read.Exchange!.Request.Query, Is.EqualTo(new[] { new KeyValuePair<string, string>("ref", $"n-{Id(read.Exchange.Earlier[0])}") }));
            Assert.That(deleted.Curl!.Split(Environment.NewLine).Select(l => l[..l.IndexOf(" '", StringComparison.Ordinal)]), Is.EqualTo(new[] { "curl -i -X POST", "curl -i -X DELETE" }));
            Assert.That(deleted.Curl, Does.EndWith($"/notes/{createdForDelete}'"));
        });
    }

    [Test]
    public async Task RunAsync_ProbeAnswersAnotherId_BodyValueFailsWithTheCapturedOne()
    {
        var (results, _, _) = await RunAsync([Row("delete_note", "valid")], deletedId: "7");

        var deleted = results.Single();
        Assert.Multiple(() =>
        {
            Assert.That(deleted.Failures.Select(c => c.CheckId), Is.EqualTo(new[] { "body_value_conformance" }), deleted.Message);
            Assert.That(deleted.Message, Does.Contain("/id: expected 501, received 7"));
        });
    }

    [Test]
    public async Task RunAsync_SetupAnswers401_BrokenAndNoProbeSent()
    {
        var (results, seen, target) = await RunAsync([Row("delete_note", "valid")], created: (401, """{"error":"no"}"""));

        var deleted = results.Single();
        Assert.Multiple(() =>
        {
            Assert.That(deleted.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(deleted.Message, Is.EqualTo(
                "Setup failed, no probe was sent: create_note answered 401 Unauthorized, expected a 2xx" + Environment.NewLine +
                """Body: {"error":"no"}""" + Environment.NewLine +
                $"Reproduce: curl -i -X POST '{target}notes' -H 'Content-Type: application/json' --data-raw '{{\"text\":\"fresh\"}}'"));
            Assert.That(seen, Is.EqualTo(new[] { "POST /notes" }));
            Assert.That(deleted.Exchange!.Response!.Status, Is.EqualTo(401), "the setup's exchange is reported");
        });
    }

    [TestCase("""{"ok":true}""", "answered 201 without a value at /id to capture as note_id" + "\n" + """Body: {"ok":true}""")]
    [TestCase("""{"id":null}""", "answered 201 without a value at /id to capture as note_id" + "\n" + """Body: {"id":null}""")]
    [TestCase("created", "answered 201 with a body that is not JSON, nothing to capture note_id from" + "\n" + "Body: created")]
    public async Task RunAsync_SetupBodyWithoutTheCapture_BrokenSayingWhatIsMissing(string body, string expected)
    {
        var (results, seen, _) = await RunAsync([Row("get_note", "valid")], created: (201, body));

        var read = results.Single();
        Assert.Multiple(() =>
        {
            Assert.That(read.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(read.Message, Does.StartWith("Setup failed, no probe was sent: create_note " + expected.Replace("\n", Environment.NewLine, StringComparison.Ordinal) + Environment.NewLine + "Reproduce: curl"));
            Assert.That(seen, Is.EqualTo(new[] { "POST /notes" }));
        });
    }

    [Test]
    public async Task RunAsync_SetupBodyBreaksItsSchema_BrokenWithTheViolationAndNoProbeSent()
    {
        var (results, seen, target) = await RunAsync([Row("delete_note", "valid")], created: (201, """{"id":"n-7"}"""));

        var deleted = results.Single();
        Assert.Multiple(() =>
        {
            Assert.That(deleted.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(deleted.Message, Is.EqualTo(
                "Setup failed, no probe was sent: create_note answered 201 with a body that does not meet schemas/note-created.schema.json: /id: expected type \"integer\" but got string \"n-7\"" + Environment.NewLine +
                """Body: {"id":"n-7"}""" + Environment.NewLine +
                $"Reproduce: curl -i -X POST '{target}notes' -H 'Content-Type: application/json' --data-raw '{{\"text\":\"fresh\"}}'"));
            Assert.That(seen, Is.EqualTo(new[] { "POST /notes" }), "the probe would have deleted /notes/n-7, a note the setup's contract does not allow");
        });
    }

    [Test]
    public async Task RunAsync_SetupConnectionReset_BrokenAsUnreachable()
    {
        var (results, seen, _) = await RunAsync([Row("get_note", "valid")], reset: true);

        Assert.Multiple(() =>
        {
            Assert.That(results.Single().Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(results.Single().Message, Does.StartWith("Setup failed, no probe was sent: create_note: Target unreachable (reset): "));
            Assert.That(seen, Is.EqualTo(new[] { "POST /notes" }));
        });
    }

    [Test]
    public async Task RunAsync_MutationNotAllowed_ReadWithAMutatingSetupSkippedAndNothingSent()
    {
        var (results, seen, _) = await RunAsync([Row("get_note", "valid")], allowMutation: false);

        Assert.Multiple(() =>
        {
            Assert.That(results.Single().Verdict, Is.EqualTo(Verdict.Skipped));
            Assert.That(results.Single().Message, Is.EqualTo("Skipped: operation 'get_note' needs setup 'create_note', which mutates, and setup.allowMutation is not true for 127.0.0.1; to send it, set setup.allowMutation=true (or CONFORMANCE_SETUP_ALLOWMUTATION=true) where the run may change the target's data"));
            Assert.That(seen, Is.Empty);
        });
    }

    [Test]
    public async Task RunAsync_DryRun_ShowsTheSetupThenTheProbe()
    {
        var (results, seen, target) = await RunAsync([Row("delete_note", "valid")], dryRun: true);

        Assert.Multiple(() =>
        {
            Assert.That(results.Single().Message, Is.EqualTo(
                $"Dry run (conformance.dryRun=true): nothing sent; setup 'create_note' first: curl -i -X POST '{target}notes' -H 'Content-Type: application/json' --data-raw '{{\"text\":\"fresh\"}}'; " +
                $"it would capture note_id from /id (at their defaults in the probe shown); then would send: curl -i -X DELETE '{target}notes/11301'"));
            Assert.That(seen, Is.Empty);
        });
    }

    internal static Conformance.Tables.StatusRow Row(string op, string scenario) => Pack.Rows.Single(r => r.OperationId == op && r.ScenarioId == scenario);

    internal static string Id(Conformance.Probing.ProbeStep step) => JsonDocument.Parse(step.Response!.Body).RootElement.GetProperty("id").GetRawText();

    internal static async Task<(IReadOnlyList<CaseResult> Results, IReadOnlyList<string> Seen, string Base)> RunAsync(
        IEnumerable<Conformance.Tables.StatusRow> rows, (int Status, string Body)? created = null, string? deletedId = null, bool reset = false, bool allowMutation = true, bool dryRun = false, int? deleteStatus = null, int getStatus = 200)
    {
        var seen = new ConcurrentQueue<string>();
        var next = 500;
        var notes = new ConcurrentDictionary<string, bool>();
        await using var server = HostileServer.Start(x =>
        {
            seen.Enqueue($"{x.Request.Method} {x.Request.Path}");
            var id = x.Request.Path.Split('/')[^1];
            switch (x.Request.Method)
            {
                case "POST" when reset:
                    x.Socket.LingerState = new LingerOption(true, 0);
                    x.Socket.Close();
                    return Task.CompletedTask;
                case "POST" when created is { } answer:
                    return x.RespondAsync(answer.Status, answer.Status == 201 ? "Created" : "Unauthorized", "application/json", answer.Body);
                case "POST":
                    var made = Interlocked.Increment(ref next).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    notes[made] = true;
                    return x.RespondAsync(201, "Created", "application/json", $$"""{"id":{{made}}}""");
                case "GET" when getStatus == 0:
                    x.Socket.LingerState = new LingerOption(true, 0);
                    x.Socket.Close();
                    return Task.CompletedTask;
                case "DELETE" when deleteStatus is { } status:
                    return x.RespondAsync(status, status switch { 500 => "Internal Server Error", 404 => "Not Found", _ => "Gone" }, "application/json", """{"error":"boom"}""");
                case "DELETE":
                    return notes.TryRemove(id, out _)
                        ? x.RespondAsync(200, "OK", "application/json", $$"""{"id":{{deletedId ?? id}}}""")
                        : x.RespondAsync(404, "Not Found", "application/json", "{}");
                default:
                    return notes.ContainsKey(id)
                        ? x.RespondAsync(getStatus, getStatus == 200 ? "OK" : "Internal Server Error", "application/json", $$"""{"id":{{deletedId ?? id}}}""")
                        : x.RespondAsync(404, "Not Found", "application/json", "{}");
            }
        });
        var target = server.BaseUri.ToString();
        var settings = new Dictionary<string, string>
        {
            ["setup.baseUrl"] = target,
            ["setup.allowMutation"] = allowMutation ? "true" : "false",
            ["conformance.dryRun"] = dryRun ? "true" : "false",
        };
        return (await EngineHarness.RunRowsAsync(Pack, rows, settings), [.. seen], target);
    }
}
