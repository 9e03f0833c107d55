namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// A conformance failure shows its message alone, without NUnit's stack trace (suites/CaseFailure.cs): a failed row, a
/// broken (invalid) row and a failed pact interaction, run through the suites app, in the console and in the TRX file.
/// </summary>
[NonParallelizable]
public sealed class FailureStackRunTests
{
    private const string Failed = "notes / get_note / no_auth -> 404";
    private const string StackLine = "at Conformance.Suites.";
    private TempFolder folder = null!;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) rows;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) pact;

    [OneTimeSetUp]
    public async Task RunSuitesAsync()
    {
        folder = new TempFolder();
        var contracts = PactFolderRun.NotesPackWithRows(folder, "failing.yaml", """
            rows:
              - { op: get_note, scenario: no_auth, expect: 404, tags: [stack] }
              - { op: get_note, scenario: no_auth, expect: 401, bodyy: {} }
            """);
        rows = await SuitesApp.RunAsync(
            "Category=stack|Category=invalid",
            Path.Combine(folder.Path, "results"),
            new Dictionary<string, string> { ["CONFORMANCE_CONFORMANCE_CONTRACTS"] = contracts });
        pact = await PactFolderRun.RunAsync(folder, "FullyQualifiedName~PactSuite", new Dictionary<string, string>
        {
            ["notes.json"] = PactFolderRun.NotesPact(PactFolderRun.Read("a note read without a credential", null, 200)),
        }, results: "pact-results");
    }

    [OneTimeTearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public void Run_FailedRow_MessageWithoutStackTrace()
    {
        var failed = rows.Cases.Single(c => c.Name == Failed);

        Assert.Multiple(() =>
        {
            Assert.That(failed.Outcome, Is.EqualTo("Failed"));
            Assert.That(failed.Message, Does.Contain("FAILED status_code_conformance: Status code mismatch / Expected: 404"));
            Assert.That(failed.StackTrace, Is.Empty.Or.Matches(@"^\s*$"));
            Assert.That(rows.Output, Does.Contain("FAILED status_code_conformance: Status code mismatch / Expected: 404"));
            Assert.That(rows.Output, Does.Not.Contain(StackLine));
            Assert.That(rows.ExitCode, Is.EqualTo(2));
        });
    }

    [Test]
    public void Run_InvalidRow_BrokenMessageWithoutStackTrace()
    {
        var broken = rows.Cases.Single(c => c.Name.EndsWith("failing.yaml:3 (invalid)", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(broken.Outcome, Is.EqualTo("Failed"));
            Assert.That(broken.Message, Does.StartWith("BROKEN (no verdict): "));
            Assert.That(broken.Message, Does.Contain("error CT0102: Unknown key 'bodyy' in a row"));
            Assert.That(broken.StackTrace, Is.Empty.Or.Matches(@"^\s*$"));
        });
    }

    [Test]
    public void Run_FailedPactInteraction_MessageWithoutStackTrace()
    {
        var failed = pact.Cases.Single();

        Assert.Multiple(() =>
        {
            Assert.That(failed.Outcome, Is.EqualTo("Failed"), failed.Message);
            Assert.That(failed.StackTrace, Is.Empty.Or.Matches(@"^\s*$"));
            Assert.That(pact.Output, Does.Not.Contain(StackLine));
        });
    }
}
