using Conformance.Framework.Tests.Hostile;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// A base URL with its key in the path (a webhook-style target) where nothing listens: the rows' and the pact's cases
/// are broken, and the key is in none of the TRX, the Allure results or the console output; the path around it is.
/// </summary>
[NonParallelizable]
public sealed class PathSecretRunTests
{
    private const string Key = "hk7Q2xLEAKm9ZpR4tW8vN3bY";

    [Test]
    public async Task Run_BaseUrlWithAKeyInItsPathUnreachable_KeyInNoResultFileNorTheOutput()
    {
        using var folder = new TempFolder();
        using var closed = new ClosedPort();
        var pact = PactFolderRun.ANotePact();

        var (_, cases, output) = await PactFolderRun.RunAsync(
            folder,
            "FullyQualifiedName~PactSuite|Category=notes",
            new Dictionary<string, string> { ["notes-web-notes.json"] = pact },
            new Dictionary<string, string>
            {
                ["CONFORMANCE_NOTES_BASEURL"] = $"http://127.0.0.1:{closed.Port}/services/T0001/B0001/{Key}/",
                ["CONFORMANCE_NOTES_TOKEN"] = "notes-token-7c1e",
            });

        Assert.Multiple(() =>
        {
            Assert.That(cases, Has.Count.GreaterThan(1), output);
            Assert.That(cases.Select(c => c.Message), Has.Some.Contains($"127.0.0.1:{closed.Port}/services/T0001/B0001/***/v1/notes/11001"), "the pact case names the request with the key masked");
            Assert.That(output, Does.Not.Contain("LEAK"));
            Assert.That(Directory.EnumerateFiles(Path.Combine(folder.Path, "results"), "*", SearchOption.AllDirectories).Where(f => File.ReadAllText(f).Contains("LEAK", StringComparison.Ordinal)).Select(Path.GetFileName), Is.Empty);
        });
    }
}
