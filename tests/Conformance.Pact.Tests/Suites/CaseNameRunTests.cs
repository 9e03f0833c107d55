using System.Text.Json.Nodes;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// Case names shown as written although NUnit reads names as patterns (suites/CaseNames.cs): a row value and a pact
/// description carrying <c>{c}</c>, <c>{m}</c>, <c>{0}</c> and <c>{a}</c>, NUnit's class, method, argument tokens.
/// The suites app runs the notes pack (copied, plus one such row) and a pact with such an interaction.
/// </summary>
[NonParallelizable]
public sealed class CaseNameRunTests
{
    private const string Row = "notes / create_note / invalid_field(field=/customer_id, value={c} {0}) -> 400";
    private const string Interaction = "pact / notes / a note {m} of {c} {a}";
    private TempFolder folder = null!;
    private (int ExitCode, IReadOnlyList<TrxCase> Cases, string Output) run;

    [OneTimeSetUp]
    public async Task RunSuitesAsync()
    {
        folder = new TempFolder();
        var contracts = PactFolderRun.NotesPackWithRows(folder, "braces.yaml",
            "rows:\n  - { op: create_note, scenario: invalid_field, with: { field: /customer_id, value: \"{c} {0}\" }, expect: 400 }\n");
        var pact = PactFolderRun.NotesPact(new JsonObject
        {
            ["description"] = "a note {m} of {c} {a}",
            ["request"] = new JsonObject
            {
                ["method"] = "GET",
                ["path"] = "/v1/notes/11001",
                ["headers"] = new JsonObject { ["Authorization"] = "Bearer notes-reference-token" },
            },
            ["response"] = new JsonObject { ["status"] = 200 },
        });
        run = await PactFolderRun.RunAsync(
            folder,
            "Category=notes",
            new Dictionary<string, string> { ["notes-web-notes.json"] = pact },
            new Dictionary<string, string> { ["CONFORMANCE_CONFORMANCE_CONTRACTS"] = contracts });
    }

    [OneTimeTearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public void Run_RowValueWithNUnitTokens_NamedAsWrittenAndPasses()
    {
        var row = run.Cases.SingleOrDefault(c => c.Name == Row);

        Assert.That(row, Is.Not.Null, string.Join(Environment.NewLine, run.Cases.Select(c => c.Name)));
        Assert.That(row!.Outcome, Is.EqualTo("Passed"), row.Message);
    }

    [Test]
    public void Run_PactDescriptionWithNUnitTokens_NamedAsWrittenAndPasses()
    {
        var interaction = run.Cases.SingleOrDefault(c => c.Name == Interaction);

        Assert.That(interaction, Is.Not.Null, string.Join(Environment.NewLine, run.Cases.Select(c => c.Name)));
        Assert.That(interaction!.Outcome, Is.EqualTo("Passed"), interaction.Message);
    }

    [Test]
    public void Run_NamesWithoutBraces_Unchanged()
    {
        Assert.That(run.Cases.Select(c => c.Name), Has.Member("notes / get_note / valid -> 200"));
    }
}
