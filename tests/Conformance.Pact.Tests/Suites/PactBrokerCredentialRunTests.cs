using System.Collections.Concurrent;
using Conformance.Pact.Tests.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// Pacts from a broker verified against a target with a token of its own (suites/PactVerifications.cs): the verifier
/// fetches them itself, so the exported sample credential is swapped on the way (CredentialProxy). The broker serves
/// a notes pact carrying the notes pack's sample token; the target accepts only its own. The suites app runs once,
/// with CONFORMANCE_NOTES_TOKEN.
/// </summary>
[NonParallelizable]
public sealed class PactBrokerCredentialRunTests
{
    private const string Secret = "broker-run-secret-81d0";
    private readonly ConcurrentQueue<string> received = new();
    private TempFolder folder = null!;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) run;

    [OneTimeSetUp]
    public async Task RunSuitesAsync()
    {
        folder = new TempFolder();
        var pact = PactFolderRun.NotesPact(
            PactFolderRun.Read("a note read with the exported token", "Bearer notes-reference-token", 200),
            PactFolderRun.Read("a note read without a token", null, 401),
            PactFolderRun.Read("a note read with a wrong token", "Bearer wrong", 401));
        await using var broker = await FakeBroker.StartAsync(pact);
        await using var target = await LoopbackApp.StartAsync(web => web.MapGet("/notes/{id}", (HttpRequest request) =>
        {
            received.Enqueue(request.Headers.Authorization.ToString());
            return request.Headers.Authorization.ToString() == $"Bearer {Secret}" ? Results.Ok() : Results.StatusCode(401);
        }));
        run = await SuitesApp.RunAsync("FullyQualifiedName~PactSuite", Path.Combine(folder.Path, "results"), new Dictionary<string, string>
        {
            ["CONFORMANCE_PACT_BROKERURL"] = broker.BaseUri.AbsoluteUri,
            ["CONFORMANCE_PACT_PROVIDER"] = "notes",
            ["CONFORMANCE_NOTES_BASEURL"] = target.BaseUri.AbsoluteUri,
            ["CONFORMANCE_NOTES_TOKEN"] = Secret,
        });
    }

    [OneTimeTearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public void Run_BrokerPactAndTargetToken_EveryInteractionPasses()
    {
        Assert.Multiple(() =>
        {
            Assert.That(run.Cases, Has.Count.EqualTo(3), run.Output);
            Assert.That(run.Cases.Where(c => c.Outcome != "Passed").Select(c => $"{c.Name}: {c.Outcome} {c.Message}"), Is.Empty);
            Assert.That(run.ExitCode, Is.Zero);
        });
    }

    [Test]
    public void Run_BrokerPactAndTargetToken_TargetSawItsOwnTokenNoneAndTheWrongOne()
    {
        Assert.That(received, Is.EquivalentTo(new[] { $"Bearer {Secret}", string.Empty, "Bearer wrong" }));
    }

    [Test]
    public void Run_BrokerPactAndTargetToken_NeverInResultFilesOrOutput()
    {
        var leaks = Directory.EnumerateFiles(Path.Combine(folder.Path, "results"), "*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains(Secret, StringComparison.Ordinal))
            .Select(Path.GetFileName);

        Assert.Multiple(() =>
        {
            Assert.That(leaks, Is.Empty);
            Assert.That(run.Output, Does.Not.Contain(Secret));
        });
    }
}
