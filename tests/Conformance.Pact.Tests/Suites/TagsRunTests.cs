namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// A row's <c>tags:</c> are filter categories: <c>--filter Category=subset-a</c> runs exactly the tagged rows of a copied
/// notes pack, and their Allure results carry the tags.
/// </summary>
[NonParallelizable]
public sealed class TagsRunTests
{
    private TempFolder folder = null!;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) run;

    [OneTimeSetUp]
    public async Task RunSuitesAsync()
    {
        folder = new TempFolder();
        var contracts = PactFolderRun.NotesPackWithRows(folder, "smoke.yaml", """
            rows:
              - { op: get_note, scenario: valid, expect: 200, id: smoke_read, tags: [subset-a, reads] }
              - { op: get_customer, scenario: valid, expect: 200, id: smoke_customer, tags: [subset-a] }
              - { op: get_note, scenario: no_auth, expect: 401, id: untagged }
            """);
        run = await SuitesApp.RunAsync("Category=subset-a", Path.Combine(folder.Path, "results"), new Dictionary<string, string> { ["CONFORMANCE_CONFORMANCE_CONTRACTS"] = contracts });
    }

    [OneTimeTearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public void Run_FilterOnATag_OnlyTheTaggedRowsRun()
    {
        Assert.Multiple(() =>
        {
            Assert.That(run.Cases.Select(c => c.Name), Is.EquivalentTo(new[] { "notes / get_note / valid -> 200", "notes / get_customer / valid -> 200" }), run.Output);
            Assert.That(run.Cases.Select(c => c.Outcome), Is.All.EqualTo("Passed"));
            Assert.That(run.ExitCode, Is.Zero);
        });
    }

    [Test]
    public void Run_TaggedRow_AllureResultCarriesItsTags()
    {
        var read = Directory.EnumerateFiles(Path.Combine(folder.Path, "results", "allure-results"), "*-result.json").Select(File.ReadAllText)
            .Single(t => t.Contains("smoke_read", StringComparison.Ordinal));

        Assert.That(read, Does.Contain("\"value\":\"subset-a\"").And.Contain("\"value\":\"reads\""));
    }
}
