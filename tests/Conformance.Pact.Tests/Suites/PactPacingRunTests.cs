using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Conformance.Framework.Tests.Hostile;
using Conformance.Pact.Tests.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// The verifier's own interaction requests take the turn every request of the run takes (suites/PactPacing.cs): the
/// API's pace and concurrency, the host's limit and the run's request budget, through the loopback forwarder; with none
/// of these set it goes to the target itself, as before. A loopback target notes each interaction request it gets.
/// </summary>
[NonParallelizable]
public sealed class PactPacingRunTests
{
    [Test]
    public async Task Run_RequestsPerSecondSet_TargetSeesTheInteractionsNoFasterThanTheBound()
    {
        // 2 a second: at most 2 of the 6 start in any second. The verifier sends one at a time, so a request starts after the
        // one before it arrived, and the one 2 places later a second after that start at the earliest: each arrives at least
        // 1 s after the one 3 places back. (Unpaced, all 6 came within 0.1 s. Arrivals 2 places apart can be nearer: the
        // first exchange warms the forwarder up after its start is taken, 0.7 s here.)
        var arrivals = new ConcurrentQueue<TimeSpan>();
        var watch = Stopwatch.StartNew();
        await using var target = await LoopbackApp.StartAsync(web => web.MapGet("/notes/{id}", () =>
        {
            arrivals.Enqueue(watch.Elapsed);
            return Results.Ok();
        }));
        using var folder = new TempFolder();

        var (_, cases, output) = await RunAsync(folder, target.BaseUri, 6, new Dictionary<string, string> { ["CONFORMANCE_NOTES_REQUESTSPERSECOND"] = "2" });

        var times = arrivals.Order().ToList();
        var gaps = times.Skip(3).Zip(times, (later, earlier) => (later - earlier).TotalSeconds).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(cases.Select(c => c.Outcome).ToList(), Has.Count.EqualTo(6).And.All.EqualTo("Passed"), output);
            Assert.That(times, Has.Count.EqualTo(6));
            Assert.That(gaps, Has.Count.EqualTo(3).And.All.GreaterThanOrEqualTo(0.99), "seconds between each arrival and the one 3 places back");
        });
    }

    [Test]
    public async Task Run_BudgetSmallerThanTheInteractions_RestNotSentAndNeverSeen()
    {
        var seen = new ConcurrentQueue<string>();
        await using var target = await LoopbackApp.StartAsync(web => web.MapGet("/notes/{id}", (string id) =>
        {
            seen.Enqueue(id);
            return Results.Ok();
        }));
        using var folder = new TempFolder();

        var (_, cases, output) = await RunAsync(folder, target.BaseUri, 4, new Dictionary<string, string>
        {
            ["CONFORMANCE_NOTES_REQUESTSPERSECOND"] = "0",
            ["CONFORMANCE_CONFORMANCE_REQUESTBUDGET"] = "2",
        });

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.EquivalentTo(new[] { "n1", "n2" }));
            Assert.That(cases.Where(c => c.Outcome == "Passed").Select(c => c.Name), Is.EquivalentTo(new[] { "pact / notes / read 1", "pact / notes / read 2" }), output);
            Assert.That(cases.Where(c => c.Outcome != "Passed").Select(c => c.Message).ToList(), Has.Count.EqualTo(2).And.All.EqualTo(
                "BROKEN (no verdict): Not sent (budget): The run's request budget (2) is spent; no request was sent. Fix: raise conformance.requestBudget, or run fewer cases."));
        });
    }

    [Test]
    public async Task Run_NoBoundSet_VerifierConnectsToTheTargetItself()
    {
        // The head of the request as it came: the verifier's own client writes header names in lower case, the
        // forwarder's (.NET) as HTTP names them ("Host").
        var heads = new ConcurrentQueue<string>();
        await using var target = HostileServer.Start(x =>
        {
            heads.Enqueue(string.Join(",", x.Request.Headers.Select(h => h.Key)));
            return x.RespondAsync(200, "OK", "application/json", "{}");
        });
        using var folder = new TempFolder();

        var (_, cases, output) = await RunAsync(folder, target.BaseUri, 1, new Dictionary<string, string> { ["CONFORMANCE_NOTES_REQUESTSPERSECOND"] = "0" });

        Assert.Multiple(() =>
        {
            Assert.That(cases.Select(c => c.Outcome), Is.EqualTo(new[] { "Passed" }), output);
            Assert.That(heads.Single().Split(','), Does.Contain("host").And.Not.Contain("Host"));
        });
    }

    [Test]
    public async Task Run_PacedAndNothingListens_BrokenSayingWhyAsARowWould()
    {
        // Through the forwarder the verifier's own words would name the forwarder's port: the case says what the target did.
        using var closed = new ClosedPort();
        using var folder = new TempFolder();

        var (_, cases, output) = await RunAsync(folder, new Uri($"http://127.0.0.1:{closed.Port}/"), 1, new Dictionary<string, string> { ["CONFORMANCE_NOTES_REQUESTSPERSECOND"] = "50" });

        Assert.That(cases.Select(c => c.Message), Is.EqualTo(new[]
        {
            $"BROKEN (no verdict): Target unreachable (refused): Connection refused by 127.0.0.1:{closed.Port}: nothing listens there. Check notes.baseUrl (CONFORMANCE_NOTES_BASEURL).",
        }), output);
    }

    /// <summary>A notes pact of <paramref name="count"/> reads (read 1: /notes/n1 ...) verified against <paramref name="target"/>, the pact cases alone.</summary>
    private static Task<(int ExitCode, IReadOnlyList<TrxCase> Cases, string Output)> RunAsync(TempFolder folder, Uri target, int count, Dictionary<string, string> environment)
    {
        var reads = Enumerable.Range(1, count).Select(i => (JsonNode)PactFolderRun.Read($"read {i}", null, 200, $"/notes/n{i}")).ToArray();
        environment["CONFORMANCE_NOTES_BASEURL"] = target.AbsoluteUri;
        return PactFolderRun.RunAsync(folder, "FullyQualifiedName~PactSuite", new Dictionary<string, string> { ["notes-web-notes.json"] = PactFolderRun.NotesPact(reads) }, environment);
    }
}
