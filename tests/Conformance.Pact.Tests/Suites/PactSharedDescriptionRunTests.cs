namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// Two interactions of one description (another provider state, another consumer) are one case in the suites; the worst
/// of their results decides it, so a failing one is never hidden by a passing one of the same name.
/// </summary>
[NonParallelizable]
public sealed class PactSharedDescriptionRunTests
{
    [Test]
    public async Task Run_TwoInteractionsOneDescriptionOneFails_TheCaseFails()
    {
        using var folder = new TempFolder();
        var pact = PactFolderRun.NotesPact(
            PactFolderRun.Read("a request for note 11001", "Bearer notes-reference-token", 200, "/v1/notes/11001"),
            PactFolderRun.Read("a request for note 11001", "Bearer notes-reference-token", 404, "/v1/notes/11001"));

        var (_, cases, output) = await PactFolderRun.RunAsync(folder, "FullyQualifiedName~PactSuite", new Dictionary<string, string> { ["notes.json"] = pact });

        var shared = cases.Single(c => c.Name == "pact / notes / a request for note 11001");
        Assert.Multiple(() =>
        {
            Assert.That(shared.Outcome, Is.EqualTo("Failed"), output);
            Assert.That(shared.Message, Is.EqualTo("expected 404 but was 200"));
        });
    }
}
