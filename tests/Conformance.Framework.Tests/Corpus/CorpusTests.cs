using Conformance.Probing;

namespace Conformance.Framework.Tests.Corpus;

/// <summary>
/// Every malformed pack file of the corpus gives exactly the diagnostics its expected.txt pins (code, file, line,
/// column, often the whole message), and every other row of that pack still loads and builds its probe.
/// </summary>
public sealed class CorpusTests
{
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "conformance-corpus-" + Guid.NewGuid().ToString("N"));

    public static IEnumerable<TestCaseData> Cases => CorpusCase.Names.Select(n => new TestCaseData(n).SetName($"Load_{n}_PinnedDiagnostics"));

    [OneTimeTearDown]
    public void RemoveScratch()
    {
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Test]
    public void Corpus_Size_AtLeastThirtyCases() => Assert.That(CorpusCase.Names.Count(), Is.GreaterThanOrEqualTo(30));

    [TestCaseSource(nameof(Cases))]
    public async Task Load_MalformedFile_PinnedDiagnosticsAndGoodRowsStillRun(string name)
    {
        var corpus = new CorpusCase(name);
        var pack = corpus.Load(scratch);
        var actual = pack.Invalid.SelectMany(i => i.Diagnostics).ToList();
        var listing = string.Join(Environment.NewLine, actual.Select(d => d.ToString()));
        Assert.That(actual, Has.Count.EqualTo(corpus.Diagnostics.Count), listing);
        for (var i = 0; i < actual.Count; i++)
        {
            Assert.That(CorpusCase.Matches(corpus.Diagnostics[i], actual[i]), Is.True, $"expected {corpus.Diagnostics[i]}{Environment.NewLine}actual   {actual[i]}");
        }

        Assert.That(pack.Rows, Has.Count.EqualTo(corpus.GoodRows), listing);
        foreach (var row in pack.Rows)
        {
            var operation = pack.Pack!.Operations[row.OperationId];
            var input = new ScenarioInput(pack.Pack, operation, Baseline.Build(pack.Pack, operation, "token"), row.With);
            var exchange = await ScenarioCatalog.Find(row.ScenarioId)!.RunAsync(input, new RecordingSender(), CancellationToken.None);
            Assert.That(exchange.Response?.Status, Is.EqualTo(200), $"{row.CaseName} builds and sends its probe");
        }
    }

    /// <summary>Answers every probe with an empty 200, without any network.</summary>
    private sealed class RecordingSender : IProbeSender
    {
        public Task<ProbeStep> SendAsync(ProbeRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new ProbeStep(request, new ProbeResponse(200, "OK", [], ReadOnlyMemory<byte>.Empty, false, TimeSpan.Zero), null));
    }
}
