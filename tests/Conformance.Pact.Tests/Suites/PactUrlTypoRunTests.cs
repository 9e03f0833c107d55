namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// The suites app with a pact broker URL mistyped (<c>https//</c>) while it carries the broker's basic-auth password: the
/// one failing case says what is wrong without the password, in the TRX, the console and the Allure results.
/// </summary>
[NonParallelizable]
public sealed class PactUrlTypoRunTests
{
    private const string Password = "broker-LEAK-5c1e";

    [Test]
    public async Task Run_BrokerUrlMistypedWithPassword_CaseNamesTheSettingWithoutThePassword()
    {
        using var folder = new TempFolder();
        var run = await SuitesApp.RunAsync("Category=pact", Path.Combine(folder.Path, "results"), new Dictionary<string, string>
        {
            ["CONFORMANCE_PACT_BROKERURL"] = $"https//ci:{Password}@broker.example.com/?token={Password}",
        });

        Assert.Multiple(() =>
        {
            Assert.That(run.Cases.Select(c => (c.Name, c.Outcome)), Is.EqualTo(new[] { ("pact / settings (invalid)", "Failed") }), run.Output);
            Assert.That(run.Cases.Single().Message, Is.EqualTo(
                "pact.brokerUrl (or CONFORMANCE_PACT_BROKERURL) is 'https//***@broker.example.com/?***', not an absolute http(s) URL. Fix: give a full URL such as https://broker.example.com/."));
            Assert.That(run.Output, Does.Not.Contain("LEAK"));
            Assert.That(Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories).Where(f => File.ReadAllText(f).Contains("LEAK", StringComparison.Ordinal)), Is.Empty);
        });
    }
}
