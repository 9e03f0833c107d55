namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// A pact interaction's description names its case, and a pact comes from outside (a broker serves it): a description
/// quoting a configured secret reached the console, TRX, JUnit, the scorecard and Allure as the case's name.
/// </summary>
[NonParallelizable]
public sealed class PactDescriptionSecretRunTests
{
    private const string Token = "notes-LEAK-token-7c1e";

    [Test]
    public async Task Run_DescriptionQuotesTheToken_CaseNameMaskedEverywhere()
    {
        using var folder = new TempFolder();
        var run = await PactFolderRun.RunAsync(folder, "FullyQualifiedName~PactSuite", new Dictionary<string, string>
        {
            ["notes.json"] = PactFolderRun.NotesPact(PactFolderRun.Read("read with " + Token, null, 401)),
        }, new Dictionary<string, string> { ["CONFORMANCE_NOTES_TOKEN"] = Token });

        var written = Directory.EnumerateFiles(Path.Combine(folder.Path, "results"), "*", SearchOption.AllDirectories).Select(File.ReadAllText);
        Assert.Multiple(() =>
        {
            Assert.That(run.Cases.Select(c => c.Name), Is.EqualTo(new[] { "pact / notes / read with ***" }), run.Output);
            Assert.That(string.Concat(written) + run.Output, Does.Not.Contain("LEAK"));
        });
    }
}
