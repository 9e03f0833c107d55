using Conformance.Pact.Tests.Providers;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// <c>pact.token</c> is read as the other secret settings are (the whitespace a secret store keeps around it trimmed; a
/// line break inside, or fewer than 4 characters, refused without showing it), and a <c>pact.publish</c> value that is no
/// switch is quoted only when it is short, as a run setting's is: a long one may be a secret mapped to the wrong variable.
/// </summary>
[NonParallelizable]
public sealed class PactSecretSettingsRunTests
{
    private const string Token = "pact-LEAK-token-7e2a";

    [Test]
    public async Task Run_BrokerTokenWithASecretStoresNewline_SentTrimmedAndNeverShown()
    {
        using var folder = new TempFolder();
        await using var broker = await FakeBroker.ServingOrdersPactAsync(folder.Path);
        await using var provider = await OrdersProvider.StartAsync(faulty: false);

        var (exitCode, cases, output) = await SuitesApp.RunAsync("FullyQualifiedName~PactSuite", Path.Combine(folder.Path, "results"), new Dictionary<string, string>
        {
            ["CONFORMANCE_PACT_BROKERURL"] = broker.BaseUri.AbsoluteUri,
            ["CONFORMANCE_PACT_PROVIDER"] = OrdersPact.Provider,
            ["CONFORMANCE_PACT_PROVIDERBASEURL"] = provider.BaseUri.AbsoluteUri,
            ["CONFORMANCE_PACT_STATECHANGEURL"] = provider.StateChangeUri.AbsoluteUri,
            ["CONFORMANCE_PACT_TOKEN"] = Token + "\n",
        });

        Assert.Multiple(() =>
        {
            Assert.That(cases.Where(c => c.Outcome != "Passed").Select(c => $"{c.Name}: {c.Outcome} {c.Message}"), Is.Empty, output);
            Assert.That(exitCode, Is.Zero);
            Assert.That(broker.Requests, Is.Not.Empty.And.All.Contains($" | Bearer {Token} | "));
            Assert.That(output, Does.Not.Contain("LEAK"));
            Assert.That(Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories).Where(f => File.ReadAllText(f).Contains("LEAK", StringComparison.Ordinal)), Is.Empty);
        });
    }

    [TestCase("a-LEAK\nbreak", "pact-LEAK-publish-0f3c9", "pact.token (or CONFORMANCE_PACT_TOKEN) holds a line break or another control character: no HTTP header can carry it (the value is a secret and is not shown). Fix: give the broker's token on one line.", "a value of 23 characters (not shown: it may be a secret set in the wrong variable)")]
    [TestCase("q7z", "yes", "pact.token (or CONFORMANCE_PACT_TOKEN) has fewer than 4 characters: a secret this short is not masked in reports (masking so few characters wherever they appear would garble them), so it would be shown there (the value is not shown here). Fix: give the broker's whole token.", "'yes'")]
    public async Task Run_BadTokenAndPublish_OneSettingsCaseEachWithoutTheSecrets(string token, string publish, string tokenError, string publishShown)
    {
        using var folder = new TempFolder();
        PactWriter.Write(OrdersPact.Definition, folder.Path);

        var (exitCode, cases, output) = await SuitesApp.RunAsync("FullyQualifiedName~PactSuite", Path.Combine(folder.Path, "results"), new Dictionary<string, string>
        {
            ["CONFORMANCE_PACT_FOLDER"] = folder.Path,
            ["CONFORMANCE_PACT_TOKEN"] = token,
            ["CONFORMANCE_PACT_PUBLISH"] = publish,
        });

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2), output);
            Assert.That(cases.Where(c => c.Name == "pact / settings (invalid)").Select(c => c.Message), Is.EquivalentTo(new[]
            {
                tokenError,
                $"pact.publish (or CONFORMANCE_PACT_PUBLISH) is {publishShown}, not true or false. Fix: set it to true to publish verification results, or remove it.",
            }));
            Assert.That(output, Does.Not.Contain("LEAK").And.Not.Contain(token));
            Assert.That(Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories).Where(f => File.ReadAllText(f).Contains("LEAK", StringComparison.Ordinal)), Is.Empty);
        });
    }
}
