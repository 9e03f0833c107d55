namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// The suites app with a runsettings file (or a command line) that names a parameter twice: the NUnit adapter stopped reading the file and
/// the run ignored its filter (<c>Category=notes</c> ran all 139 cases, green, against the embedded reference API); now
/// every case says which line to fix and none sends a request.
/// </summary>
[NonParallelizable]
public sealed class RunSettingsParameterRunTests
{
    [Test]
    public async Task Run_ParameterNamedTwice_EveryCaseBrokenWithTheLineAndNothingSent()
    {
        using var folder = new TempFolder();
        var settings = Twice(folder);

        var run = await SuitesApp.RunAsync("Category=notes", Path.Combine(folder.Path, "results"), new Dictionary<string, string>(), "--settings", settings);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
            Assert.That(run.Cases, Is.Not.Empty, run.Output);
            Assert.That(run.Cases.Select(c => c.Outcome), Is.All.EqualTo("Failed"));
            Assert.That(run.Cases.Select(c => c.Message), Is.All.StartsWith("BROKEN (no verdict): Invalid run settings, no probe was sent:").And.All.Contain(Error(settings)));
        });
    }

    [Test]
    public async Task Run_ParameterNamedTwiceWithAPactFolder_TheInteractionIsNotVerified()
    {
        using var folder = new TempFolder();
        var settings = Twice(folder);
        var pacts = Directory.CreateDirectory(Path.Combine(folder.Path, "pacts")).FullName;
        File.WriteAllText(Path.Combine(pacts, "notes.json"), PactFolderRun.NotesPact(PactFolderRun.Read("a note read without a token", null, 401, "/v1/notes/11001")));

        var run = await SuitesApp.RunAsync("Category=pact", Path.Combine(folder.Path, "results"), new Dictionary<string, string> { ["CONFORMANCE_PACT_FOLDER"] = pacts }, "--settings", settings);
        var interaction = run.Cases.SingleOrDefault(c => c.Name == "pact / notes / a note read without a token");

        Assert.Multiple(() =>
        {
            Assert.That(interaction?.Outcome, Is.EqualTo("Failed"), run.Output);
            Assert.That(interaction?.Message, Does.StartWith("BROKEN (no verdict): Invalid run settings, no interaction was verified:").And.Contain(Error(settings)), "before: verified against the provider");
        });
    }

    [Test]
    public async Task Run_TestParameterGivenTwice_EveryCaseBrokenAndNothingSent()
    {
        using var folder = new TempFolder();

        var run = await SuitesApp.RunAsync("Category=notes", Path.Combine(folder.Path, "results"), new Dictionary<string, string>(),
            "--test-parameter", "conformance.maxRetries=1", "--test-parameter", "conformance.maxRetries=2");

        Assert.Multiple(() =>
        {
            Assert.That(run.Cases, Is.Not.Empty, run.Output);
            Assert.That(run.Cases.Select(c => c.Outcome), Is.All.EqualTo("Failed"), "before: the filter was ignored and all 139 cases passed");
            Assert.That(run.Cases.Select(c => c.Message), Is.All.Contain(
                "arguments:--test-parameter conformance.maxRetries(1,1): error CT0303: --test-parameter gives 'conformance.maxRetries' a second time"));
        });
    }

    private static string Error(string settings) =>
        $"{settings}(5,6): error CT0303: Parameter 'conformance.timeoutSeconds' is set a second time (first at line 4), the NUnit adapter stops reading the run's settings at a name it has read before";

    /// <summary>A runsettings file naming conformance.timeoutSeconds at lines 4 and 5.</summary>
    private static string Twice(TempFolder folder)
    {
        var settings = Path.Combine(folder.Path, "twice.runsettings");
        File.WriteAllText(settings, """
            <?xml version="1.0" encoding="utf-8"?>
            <RunSettings>
              <TestRunParameters>
                <Parameter name="conformance.timeoutSeconds" value="5" />
                <Parameter name="conformance.timeoutSeconds" value="7" />
              </TestRunParameters>
            </RunSettings>
            """);
        return settings;
    }
}
