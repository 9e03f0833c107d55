namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// <c>--filter Category=last_failed</c> after a night whose pact source could not be read (a pact file that is not JSON,
/// a pact folder that holds no interaction): that source's case failed, so the rerun runs it; once the file is fixed, the
/// rerun runs the interactions it could not verify the night before.
/// </summary>
[NonParallelizable]
public sealed class PactSourceLastFailedRunTests
{
    private const string Unreadable = "pact / nope.json (invalid)";
    private TempFolder folder = null!;

    private static Dictionary<string, string> Night => new()
    {
        ["notes.json"] = PactFolderRun.NotesPact(PactFolderRun.Read("a note read without a token", null, 401, "/v1/notes/11001")),
        ["nope.json"] = "{ this is not a pact",
    };

    [SetUp]
    public void CreateFolder() => folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public async Task Run_FilterLastFailedAfterANightWithAnUnreadablePactFile_ItsCaseRuns()
    {
        var night = await PactFolderRun.RunAsync(folder, "Category=pact", Night);
        var rerun = await PactFolderRun.RunAsync(folder, "Category=last_failed", Night);

        Assert.Multiple(() =>
        {
            Assert.That(night.Cases.Select(c => $"{c.Name}: {c.Outcome}"), Is.EquivalentTo(new[] { "pact / notes / a note read without a token: Passed", $"{Unreadable}: Failed" }), night.Output);
            Assert.That(rerun.Cases.Select(c => $"{c.Name}: {c.Outcome}"), Is.EqualTo(new[] { $"{Unreadable}: Failed" }), rerun.Output);
            Assert.That(rerun.ExitCode, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Run_FilterLastFailedAfterThePactFileIsFixed_ItsInteractionRuns()
    {
        await PactFolderRun.RunAsync(folder, "Category=pact", Night);
        var fixedFile = new Dictionary<string, string>(Night)
        {
            ["nope.json"] = PactFolderRun.NotesPact(PactFolderRun.Read("a note read from the fixed file without a token", null, 401, "/v1/notes/11001")),
        };

        var rerun = await PactFolderRun.RunAsync(folder, "Category=last_failed", fixedFile);

        Assert.Multiple(() =>
        {
            Assert.That(rerun.Cases.Select(c => $"{c.Name}: {c.Outcome}"), Is.EqualTo(new[] { "pact / notes / a note read from the fixed file without a token: Passed" }), rerun.Output);
            Assert.That(rerun.ExitCode, Is.Zero);
        });
    }

    [Test]
    public async Task Run_FilterLastFailedAfterANightWithoutInteractions_ItsCaseRuns()
    {
        var night = await PactFolderRun.RunAsync(folder, "Category=pact", new Dictionary<string, string>());
        var rerun = await PactFolderRun.RunAsync(folder, "Category=last_failed", new Dictionary<string, string>());

        Assert.Multiple(() =>
        {
            Assert.That(night.Cases.Select(c => $"{c.Name}: {c.Outcome}"), Is.EqualTo(new[] { "pact / (no interactions): Failed" }), night.Output);
            Assert.That(rerun.Cases.Select(c => $"{c.Name}: {c.Outcome}"), Is.EqualTo(new[] { "pact / (no interactions): Failed" }), rerun.Output);
            Assert.That(rerun.ExitCode, Is.EqualTo(2));
        });
    }
}
