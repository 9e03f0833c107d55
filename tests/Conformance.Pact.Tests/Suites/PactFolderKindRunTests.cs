namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// The suites app over pact sources that are not what they seem: a pipe among the pact files (discovery waited for a
/// writer forever), a folder setting with a secret store's trailing line break (read as a missing folder), and a folder
/// setting that names a file (said not to exist).
/// </summary>
[NonParallelizable]
public sealed class PactFolderKindRunTests
{
    private TempFolder folder = null!;

    private static string Pact => PactFolderRun.NotesPact(PactFolderRun.Read("a note read without a token", null, 401, "/v1/notes/11001"));

    [SetUp]
    public void CreateFolder() => folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public async Task Run_PipeAmongThePactFiles_ThatFileIsOneFailingCaseAndTheOthersRun()
    {
        var pacts = Directory.CreateDirectory(Path.Combine(folder.Path, "pacts")).FullName;
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(pacts, "pipe.json")))
        {
            await mkfifo.WaitForExitAsync();
        }

        var run = await PactFolderRun.RunAsync(folder, "Category=pact", new Dictionary<string, string> { ["notes.json"] = Pact });

        Assert.Multiple(() =>
        {
            Assert.That(run.Cases.Select(c => $"{c.Name}: {c.Outcome}"), Is.EquivalentTo(new[] { "pact / notes / a note read without a token: Passed", "pact / pipe.json (invalid): Failed" }), run.Output);
            Assert.That(run.Cases.Single(c => c.Outcome == "Failed").Message, Is.EqualTo(
                $"The pact file '{Path.Combine(pacts, "pipe.json")}' could not be read: it is a pipe (FIFO), not a regular file, and pact files are read whole. Fix: give a pact file (JSON with provider.name and interactions) or remove it from pact.files / pact.folder."));
        });
    }

    [Test]
    public async Task Run_FolderSettingWithATrailingLineBreak_ItsPactsAreVerified()
    {
        var pacts = Directory.CreateDirectory(Path.Combine(folder.Path, "pacts")).FullName;
        File.WriteAllText(Path.Combine(pacts, "notes.json"), Pact);

        var run = await SuitesApp.RunAsync("Category=pact", Path.Combine(folder.Path, "results"), new Dictionary<string, string> { ["CONFORMANCE_PACT_FOLDER"] = pacts + "\n" });

        Assert.That(run.Cases.Select(c => $"{c.Name}: {c.Outcome}"), Is.EqualTo(new[] { "pact / notes / a note read without a token: Passed" }), run.Output);
    }

    [Test]
    public async Task Run_FolderSettingNamesAFile_OneCaseSaysItIsAFile()
    {
        var file = Path.Combine(folder.Path, "notes.json");
        File.WriteAllText(file, Pact);

        var run = await SuitesApp.RunAsync("Category=pact", Path.Combine(folder.Path, "results"), new Dictionary<string, string> { ["CONFORMANCE_PACT_FOLDER"] = file });

        Assert.Multiple(() =>
        {
            Assert.That(run.Cases.Select(c => c.Name), Does.Contain($"pact / {file} (not a folder)"), run.Output);
            Assert.That(run.Cases.Single(c => c.Name.EndsWith("(not a folder)", StringComparison.Ordinal)).Message, Is.EqualTo(
                $"pact.folder '{file}' is a file, not a folder. Fix: point pact.folder at the folder holding the pact files, or name the file in pact.files."));
        });
    }
}
