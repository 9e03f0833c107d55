using Conformance.Pact.Tests.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// The verifier waits for a provider as long as the rows do (suites/PactVerifications.cs): conformance.timeoutSeconds,
/// not a timeout of its own (5 s before). A target answers one interaction after 4 s; with the setting at 2 s that case
/// is BROKEN (no verdict), the prompt one passes (its endpoint warmed first, so a loaded machine does not slow it).
/// </summary>
[NonParallelizable]
public sealed class PactTimeoutRunTests
{
    private TempFolder folder = null!;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) run;
    private string authority = string.Empty;

    [OneTimeSetUp]
    public async Task RunSuitesAsync()
    {
        folder = new TempFolder();
        await using var target = await LoopbackApp.StartAsync(web =>
        {
            web.MapGet("/prompt", () => "ok");
            web.MapGet("/slow", async (HttpContext context) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(4), context.RequestAborted);
                return "late";
            });
        });
        authority = target.BaseUri.Authority;
        using (var warm = new HttpClient())
        {
            (await warm.GetAsync(new Uri(target.BaseUri, "prompt"))).EnsureSuccessStatusCode();
        }

        run = await PactFolderRun.RunAsync(
            folder,
            "FullyQualifiedName~PactSuite",
            new Dictionary<string, string> { ["notes-web-notes.json"] = PactFolderRun.NotesPact(PactFolderRun.Read("a prompt answer", null, 200, "/prompt"), PactFolderRun.Read("a slow answer", null, 200, "/slow")) },
            new Dictionary<string, string>
            {
                ["CONFORMANCE_NOTES_BASEURL"] = target.BaseUri.ToString(),
                ["CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS"] = "2",
            });
    }

    [OneTimeTearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public void Run_AnswerAfterTheRunTimeout_BrokenNotWaitedFor()
    {
        var slow = run.Cases.Single(c => c.Name == "pact / notes / a slow answer");

        Assert.Multiple(() =>
        {
            Assert.That(slow.Outcome, Is.EqualTo("Failed"), run.Output);
            Assert.That(slow.Message, Is.EqualTo(
                $"BROKEN (no verdict): Target unreachable (timeout): No complete response from {authority} within 2 s. Check notes.baseUrl (CONFORMANCE_NOTES_BASEURL), "
                + "or raise conformance.timeoutSeconds (CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) if it is that slow."),
                "the notes pack's limits pace the verifier, through the forwarder, which times the exchange with the run's timeout");
        });
    }

    [Test]
    public void Run_PromptAnswer_Passes()
    {
        var prompt = run.Cases.Single(c => c.Name == "pact / notes / a prompt answer");

        Assert.That(prompt.Outcome, Is.EqualTo("Passed"), prompt.Message);
    }
}
