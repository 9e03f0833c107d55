using System.Text.Json.Nodes;
using Conformance.Pact.Tests.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// Exported pacts verified against a target with a token of its own (suites/PactVerifications.cs): the pact carries
/// the notes pack's sample token, the target accepts only the configured one. The suites app runs twice, with and
/// without CONFORMANCE_NOTES_TOKEN.
/// </summary>
[NonParallelizable]
public sealed class PactCredentialRunTests
{
    private const string Secret = "target-own-secret-5c1e";
    private TempFolder folder = null!;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) withToken;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) withoutToken;

    private static JsonObject Interaction(string description, string? authorization, int status) => new()
    {
        ["description"] = description,
        ["request"] = new JsonObject
        {
            ["method"] = "GET",
            ["path"] = "/notes/n1",
            ["headers"] = authorization is null ? new JsonObject() : new JsonObject { ["Authorization"] = authorization },
        },
        ["response"] = new JsonObject { ["status"] = status },
    };

    [OneTimeSetUp]
    public async Task RunSuitesAsync()
    {
        folder = new TempFolder();
        var pacts = Directory.CreateDirectory(Path.Combine(folder.Path, "pacts")).FullName;
        var pact = new JsonObject
        {
            ["consumer"] = new JsonObject { ["name"] = "notes-web" },
            ["provider"] = new JsonObject { ["name"] = "notes" },
            ["interactions"] = new JsonArray(
                Interaction("a note read with the exported token", "Bearer notes-reference-token", 200),
                Interaction("a note read without a token", null, 401),
                Interaction("a note read with a wrong token", "Bearer wrong", 401)),
            ["metadata"] = new JsonObject { ["pactSpecification"] = new JsonObject { ["version"] = "3.0.0" } },
        };
        await File.WriteAllTextAsync(Path.Combine(pacts, "notes-web-notes.json"), pact.ToJsonString());

        await using var target = await LoopbackApp.StartAsync(web => web.MapGet("/notes/n1", (HttpRequest request) =>
            request.Headers.Authorization.ToString() == $"Bearer {Secret}" ? Results.Ok() : Results.StatusCode(401)));
        var environment = new Dictionary<string, string>
        {
            ["CONFORMANCE_PACT_FOLDER"] = pacts,
            ["CONFORMANCE_NOTES_BASEURL"] = target.BaseUri.ToString(),
        };
        withoutToken = await SuitesApp.RunAsync("FullyQualifiedName~PactSuite", Path.Combine(folder.Path, "without"), environment);
        environment["CONFORMANCE_NOTES_TOKEN"] = Secret;
        withToken = await SuitesApp.RunAsync("FullyQualifiedName~PactSuite", Path.Combine(folder.Path, "with"), environment);
    }

    [OneTimeTearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public void Run_TargetToken_ExportedTokenReplacedOthersKept()
    {
        Assert.Multiple(() =>
        {
            Assert.That(withToken.Cases, Has.Count.EqualTo(3), withToken.Output);
            Assert.That(withToken.Cases.Where(c => c.Outcome != "Passed").Select(c => $"{c.Name}: {c.Outcome} {c.Message}"), Is.Empty);
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
            Assert.That(withoutToken.Cases.Where(c => c != read).Select(c => c.Outcome), Is.All.EqualTo("Passed"));
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
            Assert.That(withToken.Output, Does.Not.Contain(Secret));
        });
    }
}
