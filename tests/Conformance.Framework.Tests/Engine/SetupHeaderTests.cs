using System.Collections.Concurrent;
using Conformance.Contracts;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// A setup that answers the new resource's id in a header only (<c>201 Created</c>, <c>Location: /notes/601</c>, no
/// body): <c>capture: { note_id: { header: Location, pattern: ... } }</c> takes the pattern's group, a capture without a
/// pattern the whole value; a numeric variable gets a number, so the row's <c>equals: "${note_id}"</c> meets the JSON id.
/// </summary>
public sealed class SetupHeaderTests
{
    private static readonly LoadedPack Pack = PackLoader.Load(Path.Combine(AppContext.BaseDirectory, "Packs", "setupheader"), AppContext.BaseDirectory);

    [Test]
    public async Task RunAsync_IdInLocationAndInACustomHeader_ProbesUseTheCapturedIds()
    {
        var (results, seen, _) = await RunAsync(Pack.Rows);

        Assert.Multiple(() =>
        {
            Assert.That(Pack.Invalid, Is.Empty);
            Assert.That(results.Select(r => r.Verdict), Has.All.EqualTo(Verdict.Passed), string.Join(Environment.NewLine, results.Select(r => r.Message)));
            Assert.That(seen.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "GET /notes/601", "GET /notes/602", "POST /notes", "POST /notes" }));
        });
    }

    [TestCase("", "answered 201 without a Location header to capture as note_id")]
    [TestCase("Location: ", "answered 201 with an empty Location header to capture as note_id")]
    [TestCase("Location: /other/5/", "answered 201 with Location: /other/5/, from which the pattern /notes/([^/?#]+)$ takes no value, to capture as note_id")]
    public async Task RunAsync_LocationMissingOrNotMatching_BrokenSayingWhatCameBack(string location, string expected)
    {
        var (results, seen, target) = await RunAsync([Pack.Rows.Single(r => r.OperationId == "get_note")], location);

        var read = results.Single();
        Assert.Multiple(() =>
        {
            Assert.That(read.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(read.Message, Is.EqualTo(
                $"Setup failed, no probe was sent: create_note {expected}" + Environment.NewLine + "Body: (empty)" + Environment.NewLine +
                $"Reproduce: curl -i -X POST '{target}notes' -H 'Content-Type: application/json' --data-raw '{{\"text\":\"fresh\"}}'"));
            Assert.That(seen, Is.EqualTo(new[] { "POST /notes" }));
        });
    }

    [Test]
    public void Typed_NumericDefault_DigitsBecomeANumberAndOtherTextStaysAString()
    {
        var number = System.Text.Json.Nodes.JsonValue.Create(11301);
        Assert.Multiple(() =>
        {
            Assert.That(CaptureSource.Typed("601", number).ToJsonString(), Is.EqualTo("601"));
            Assert.That(CaptureSource.Typed("6.5", number).ToJsonString(), Is.EqualTo("6.5"));
            Assert.That(CaptureSource.Typed("n-601", number).ToJsonString(), Is.EqualTo("\"n-601\""));
            Assert.That(CaptureSource.Typed("601", System.Text.Json.Nodes.JsonValue.Create("x")).ToJsonString(), Is.EqualTo("\"601\""));
        });
    }

    private static async Task<(IReadOnlyList<CaseResult> Results, IReadOnlyList<string> Seen, string Base)> RunAsync(IEnumerable<Conformance.Tables.StatusRow> rows, string? location = null)
    {
        var seen = new ConcurrentQueue<string>();
        var next = 600;
        var notes = new ConcurrentDictionary<string, bool>();
        await using var server = HostileServer.Start(x =>
        {
            seen.Enqueue($"{x.Request.Method} {x.Request.Path}");
            if (x.Request.Method == "POST")
            {
                var made = Interlocked.Increment(ref next).ToString(System.Globalization.CultureInfo.InvariantCulture);
                notes[made] = true;
                string[] headers = location is null ? [$"Location: /notes/{made}", $"X-Note-Id: {made}"] : location.Length == 0 ? [] : [location];
                return x.RespondAsync(201, "Created", "application/json", string.Empty, headers);
            }

            var id = x.Request.Path.Split('/')[^1];
            return notes.ContainsKey(id)
                ? x.RespondAsync(200, "OK", "application/json", $$"""{"id":{{id}}}""")
                : x.RespondAsync(404, "Not Found", "application/json", "{}");
        });
        var target = server.BaseUri.ToString();
        var settings = new Dictionary<string, string> { ["setupheader.baseUrl"] = target, ["setupheader.allowMutation"] = "true" };
        return (await EngineHarness.RunRowsAsync(Pack, rows, settings), [.. seen], target);
    }
}
