using System.Text.Json;
using Conformance.Diagnostics;
using Conformance.Reporting;
using Conformance.Reporting.Allure;
using Conformance.Reporting.Scorecard;
using Conformance.Tables;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>
/// A night, then a filtered run into the same folder with the real writer: the verdicts the filtered run keeps from the
/// night for what it did not run (rows, invalid entries, pact interactions) are marked as not run this time, in
/// scorecard.json (<c>notRunThisTime</c>), in scorecard.md and in the Allure global card, and counted apart.
/// </summary>
public sealed class ScorecardNotRunTests
{
    private static readonly StatusRow A = Row("get_thing.unknown_id.1", "get_thing", "unknown_id", 404);
    private static readonly StatusRow B = Row("get_thing.valid.1", "get_thing", "valid", 200);
    private static readonly InvalidEntry X = new("demo", new SourceLocation("contracts/demo/tables/things.yaml", 7, 3), []);
    private static readonly PactInteraction P = new("demo", "pact / demo / a thing read without a token");
    private readonly string dir = TempDir();

    [TearDown]
    public void RemoveResults() => DeleteResults(dir);

    [Test]
    public void Finish_FilteredRunWithoutAPactInteraction_ItsVerdictIsKept()
    {
        // Before, only rows and invalid entries kept theirs: the next full night counted every pact interaction as new.
        Night(StatusMismatch(A, 400), Passed(B, 200), Pact(Verdict.Passed));
        Night(Passed(A, 404));
        Night(Passed(A, 404), Passed(B, 200), Pact(Verdict.Passed));

        Assert.That(File.ReadAllText(Path.Combine(dir, "scorecard.md")), Does.Contain("\n3 case(s) in both runs: no verdict changed; 0 new.\n"));
    }

    [Test]
    public void Finish_FilteredRun_VerdictsKeptFromTheNightListedUnderNotRunThisTime()
    {
        Night(StatusMismatch(A, 400), Passed(B, 200), Invalid(), Pact(Verdict.Failed));
        Night(Passed(A, 404));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "scorecard.json")));
        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("verdicts").EnumerateObject().Select(v => v.Name), Is.EquivalentTo(new[] { Key(A), Key(B), InvalidKey, PactKey }));
            Assert.That(json.RootElement.GetProperty("notRunThisTime").EnumerateArray().Select(k => k.GetString()), Is.EqualTo(new[] { Key(B), InvalidKey, PactKey }.Order(StringComparer.Ordinal)));
            Assert.That(json.RootElement.GetProperty("apis")[0].GetProperty("cases").GetProperty("notRunThisTime").GetInt32(), Is.EqualTo(2), "B and the invalid entry; the pact interaction has no API card");
        });
    }

    [Test]
    public void Finish_FilteredRun_MarkdownSaysWhatThisRunDidNotJudge()
    {
        Night(StatusMismatch(A, 400), Passed(B, 200), Invalid(), Pact(Verdict.Failed));
        Night(Passed(A, 404));

        var markdown = File.ReadAllText(Path.Combine(dir, "scorecard.md"));
        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.StartWith("# Conformance scorecard\n\nNot run this time: 3 case(s), whose verdicts scorecard.json keeps from the previous run (listed under notRunThisTime); every count below is this run's.\n\n## Since the previous run\n"));
            Assert.That(markdown, Does.Contain("\n1 case(s): 1 passed, 0 failed, 0 broken, 0 skipped; 2 not run this time (their previous verdicts kept)\n"));
        });
    }

    [Test]
    public void Finish_FilteredRun_GlobalCardCountsThemApart()
    {
        Night(StatusMismatch(A, 400), Passed(B, 200), Invalid());
        Night(Passed(A, 404));

        using var globals = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(dir, "*-globals.json").Single()));
        var card = globals.RootElement.GetProperty("attachments").EnumerateArray().First(a => a.GetProperty("name").GetString() == "demo scorecard.md");
        Assert.That(File.ReadAllText(Path.Combine(dir, card.GetProperty("source").GetString()!)), Does.Contain("\n1 case(s): 1 passed, 0 failed, 0 broken, 0 skipped; 2 not run this time (their previous verdicts kept)\n"));
    }

    [Test]
    public void Finish_FullRunAfterAFilteredOne_NothingMarked()
    {
        Night(StatusMismatch(A, 400), Passed(B, 200));
        Night(Passed(A, 404));
        Night(Passed(A, 404), Passed(B, 200));

        var markdown = File.ReadAllText(Path.Combine(dir, "scorecard.md"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "scorecard.json")));
        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("notRunThisTime").GetArrayLength(), Is.Zero);
            Assert.That(markdown, Does.Not.Contain("not run this time").IgnoreCase);
            Assert.That(markdown, Does.Contain("\n2 case(s): 2 passed, 0 failed, 0 broken, 0 skipped\n"));
        });
    }

    [Test]
    public void Read_FileWithNotRunThisTime_ItsVerdictsAreTheBaseline()
    {
        Night(StatusMismatch(A, 400), Passed(B, 200));
        Night(Passed(A, 404));

        Assert.That(ScorecardJson.ReadVerdicts(Path.Combine(dir, "scorecard.json"))!.Verdicts, Is.EqualTo(new Dictionary<string, Verdict> { [Key(A)] = Verdict.Passed, [Key(B)] = Verdict.Passed }));
    }

    [Test]
    public void Finish_FilteredRunWithoutAPactSource_ThePactVerdictIsKept()
    {
        // A run without pact settings cannot tell whether the night's interactions are still in the pacts: it did not run them.
        Night(StatusMismatch(A, 400), Passed(B, 200), Pact(Verdict.Failed));
        Run(Scope(A, B) with { Invalid = [X] }, Passed(A, 404));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "scorecard.json")));
        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("verdicts").GetProperty(PactKey).GetString(), Is.EqualTo("failed"));
            Assert.That(json.RootElement.GetProperty("notRunThisTime").EnumerateArray().Select(k => k.GetString()), Is.EqualTo(new[] { Key(B), PactKey }.Order(StringComparer.Ordinal)));
        });
    }

    [Test]
    public void Finish_FilteredRunAfterTheUpgrade_InvalidEntryAndPactVerdictsKeptUnderNotRunThisTime()
    {
        // The first run after the upgrade reads a scorecard.json of the version before: verdicts by case name, no verdictKeys.
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "scorecard.json"), new System.Text.Json.Nodes.JsonObject
        {
            ["apis"] = new System.Text.Json.Nodes.JsonArray(),
            ["verdicts"] = new System.Text.Json.Nodes.JsonObject { [A.CaseName] = "failed", [X.CaseName] = "broken", [P.Name] = "failed" },
        }.ToJsonString());

        Night(Passed(A, 404));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "scorecard.json")));
        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("verdicts").EnumerateObject().Select(v => $"{v.Name}: {v.Value.GetString()}"), Is.EquivalentTo(new[] { $"{Key(A)}: passed", $"{InvalidKey}: broken", $"{PactKey}: failed" }));
            Assert.That(json.RootElement.GetProperty("notRunThisTime").EnumerateArray().Select(k => k.GetString()), Is.EqualTo(new[] { InvalidKey, PactKey }.Order(StringComparer.Ordinal)));
        });
    }

    private static string InvalidKey => CaseIdentity.For(X).Key;

    private static string PactKey => CaseIdentity.For(P).Key;

    private static CaseResult Invalid() => new("demo", X.CaseName, null, Verdict.Broken, "Invalid contract: ...", null, [], [], null, Started, TimeSpan.Zero);

    private static CaseResult Pact(Verdict verdict) => new("pact", P.Name, null, verdict, "Interaction verified.", null, [], [], null, Started, TimeSpan.Zero) { Suite = P.Provider };

    private void Night(params CaseResult[] results) => Run(Scope(A, B) with { Invalid = [X], Interactions = [P] }, results);

    private void Run(ReportScope scope, params CaseResult[] results)
    {
        var writer = new AllureWriter(scope, new ReportLocation(dir, dir), env: _ => null, gitHead: () => null);
        foreach (var result in results)
        {
            writer.Write(result);
        }

        writer.Finish();
    }
}
