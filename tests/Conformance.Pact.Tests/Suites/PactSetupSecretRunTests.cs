using Conformance.Pact.Export;
using Conformance.Pact.Tests.States;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// The suites app verifying a pact whose setup captures a session token that the interaction sends in X-Session-Token;
/// the provider echoes it where the contract wants another value, so the interaction fails: the token must reach
/// neither TRX, nor the Allure results, nor the console.
/// </summary>
[NonParallelizable]
public sealed class PactSetupSecretRunTests
{
    private const string Masked = "$.owner -> Expected '***' to match '^(?:alice)$'";

    [Test]
    public async Task Run_CapturedTokenEchoedInMismatch_MaskedInTrxAllureAndConsole()
    {
        using var folder = new TempFolder();
        var contracts = Path.Combine(folder.Path, "contracts");
        var pact = await File.ReadAllTextAsync(PactWriter.Write(PactExporter.Export(SessionPack.Write(contracts)).Pact, Path.Combine(folder.Path, "export")));
        await using var target = await SessionPack.StartProviderAsync();
        var environment = new Dictionary<string, string>
        {
            ["CONFORMANCE_CONFORMANCE_CONTRACTS"] = contracts,
            ["CONFORMANCE_PROFILES_BASEURL"] = target.BaseUri.ToString(),
            ["CONFORMANCE_PROFILES_TOKEN"] = "own-profiles-token-0042",
            ["CONFORMANCE_PROFILES_ALLOWMUTATION"] = "true",
        };

        var run = await PactFolderRun.RunAsync(folder, "FullyQualifiedName~PactSuite", new Dictionary<string, string> { ["conformance-profiles-profiles.json"] = pact }, environment);

        var results = Directory.EnumerateFiles(Path.Combine(folder.Path, "results", "allure-results")).ToList();
        var allure = results.Where(f => f.EndsWith("-result.json", StringComparison.Ordinal))
            .Select(f => System.Text.Json.JsonDocument.Parse(File.ReadAllText(f)).RootElement)
            .Single(r => r.GetProperty("name").GetString()!.EndsWith(SessionPack.Description, StringComparison.Ordinal));
        var profile = run.Cases.Single(c => c.Name.EndsWith(SessionPack.Description, StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(profile.Outcome, Is.EqualTo("Failed"), run.Output);
            Assert.That(profile.Message.TrimEnd(), Is.EqualTo(Masked));
            Assert.That(allure.GetProperty("statusDetails").GetProperty("message").GetString(), Is.EqualTo("pact_interaction: " + Masked));
            Assert.That(string.Concat(results.Select(File.ReadAllText)) + run.Output + File.ReadAllText(Path.Combine(folder.Path, "results", "run.trx")), Does.Not.Contain(SessionPack.Token));
        });
    }
}
