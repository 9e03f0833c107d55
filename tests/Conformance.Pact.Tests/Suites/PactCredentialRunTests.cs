using System.Text.Json.Nodes;
using Conformance.Pact.Tests.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// Exported pacts verified against a target with a token of its own (suites/PactVerifications.cs): the pact carries
/// the notes pack's sample token, the target accepts only the configured one (and knows note n1 only, so one
/// interaction fails with the token too). The suites app runs twice, with and without CONFORMANCE_NOTES_TOKEN.
/// </summary>
[NonParallelizable]
public sealed class PactCredentialRunTests
{
    private const string Secret = "target-own-secret-5c1e";
    private TempFolder folder = null!;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) withToken;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) withoutToken;

    private const string Missing = "pact / notes / a missing note read with the exported token";
    private const string Echo = "pact / notes / an echo of the credential";

    /// <summary>A target that echoes the credential it got: the verifier's mismatch then carries the token, which must be masked.</summary>
    private static JsonObject EchoInteraction()
    {
        var interaction = PactFolderRun.Read("an echo of the credential", "Bearer notes-reference-token", 200, "/echo");
        interaction["response"]!["headers"] = new JsonObject { ["Content-Type"] = "application/json" };
        interaction["response"]!["body"] = new JsonObject { ["auth"] = "Bearer notes-reference-token" };
        return interaction;
    }

    [OneTimeSetUp]
    public async Task RunSuitesAsync()
    {
        folder = new TempFolder();
        var files = new Dictionary<string, string>
        {
            ["notes-web-notes.json"] = PactFolderRun.NotesPact(
                PactFolderRun.Read("a note read with the exported token", "Bearer notes-reference-token", 200),
                PactFolderRun.Read("a note read without a token", null, 401),
                PactFolderRun.Read("a note read with a wrong token", "Bearer wrong", 401),
                PactFolderRun.Read("a missing note read with the exported token", "Bearer notes-reference-token", 200, "/notes/n2"),
                EchoInteraction()),
        };

        await using var target = await LoopbackApp.StartAsync(web =>
        {
            web.MapGet("/notes/{id}", (string id, HttpRequest request) =>
                request.Headers.Authorization.ToString() != $"Bearer {Secret}" ? Results.StatusCode(401) : id == "n1" ? Results.Ok() : Results.NotFound());
            web.MapGet("/echo", (HttpRequest request) => Results.Json(new Dictionary<string, string> { ["auth"] = request.Headers.Authorization.ToString() }));
        });
        var environment = new Dictionary<string, string> { ["CONFORMANCE_NOTES_BASEURL"] = target.BaseUri.ToString() };
        withoutToken = await PactFolderRun.RunAsync(folder, "FullyQualifiedName~PactSuite", files, environment, "without");
        environment["CONFORMANCE_NOTES_TOKEN"] = Secret;
        withToken = await PactFolderRun.RunAsync(folder, "FullyQualifiedName~PactSuite", files, environment, "with");
    }

    [OneTimeTearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public void Run_TargetToken_ExportedTokenReplacedOthersKept()
    {
        Assert.Multiple(() =>
        {
            Assert.That(withToken.Cases, Has.Count.EqualTo(5), withToken.Output);
            Assert.That(withToken.Cases.Where(c => c.Name is not (Missing or Echo) && c.Outcome != "Passed").Select(c => $"{c.Name}: {c.Outcome} {c.Message}"), Is.Empty);
        });
    }

    [Test]
    public void Run_TargetTokenAndAFailingInteraction_FailsWithTheStatusOnly()
    {
        var missing = withToken.Cases.Single(c => c.Name == Missing);

        Assert.Multiple(() =>
        {
            Assert.That(missing.Outcome, Is.EqualTo("Failed"));
            Assert.That(missing.Message, Is.EqualTo("expected 200 but was 404"));
        });
    }

    [Test]
    public void Run_NoTargetToken_ExportedTokenSentAndRefused()
    {
        var read = withoutToken.Cases.Single(c => c.Name == "pact / notes / a note read with the exported token");

        Assert.Multiple(() =>
        {
            Assert.That(read.Outcome, Is.EqualTo("Failed"));
            Assert.That(read.Message, Is.EqualTo("expected 200 but was 401"));
            Assert.That(withoutToken.Cases.Where(c => c != read && c.Name is not (Missing or Echo)).Select(c => c.Outcome), Is.All.EqualTo("Passed"));
        });
    }

    [Test]
    public void Run_TargetEchoesTheToken_MismatchShowsItMasked()
    {
        var echo = withToken.Cases.Single(c => c.Name == Echo);

        Assert.Multiple(() =>
        {
            Assert.That(echo.Outcome, Is.EqualTo("Failed"));
            Assert.That(echo.Message, Does.Contain("Bearer ***").And.Not.Contain(Secret));
        });
    }

    [Test]
    public void Run_TargetToken_NeverInResultFilesOrOutput()
    {
        var leaks = Directory.EnumerateFiles(Path.Combine(folder.Path, "with"), "*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains(Secret, StringComparison.Ordinal))
            .Select(Path.GetFileName);

        Assert.Multiple(() =>
        {
            Assert.That(leaks, Is.Empty);
            Assert.That(withToken.Output, Does.Not.Contain(Secret), "the verifier prints its report itself: kept off the console");
            Assert.That(withToken.Output, Does.Contain("failed " + Echo), "the console is back after the verifier ran");
        });
    }
}
