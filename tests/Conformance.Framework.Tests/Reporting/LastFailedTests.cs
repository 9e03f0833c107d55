using Conformance.Diagnostics;
using Conformance.Reporting;
using Conformance.Reporting.Allure;
using Conformance.Reporting.Scorecard;
using Conformance.Tables;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>
/// <c>--filter Category=last_failed</c>: a run writes its scorecard.json (the real writer), and the next discovery reads
/// it once and gives the category (the real category code, <see cref="CaseCategories"/>) to what failed or broke in it.
/// </summary>
public sealed class LastFailedTests
{
    private static readonly StatusRow A = Row("get_thing.unknown_id.1", "get_thing", "unknown_id", 404);
    private static readonly StatusRow B = Row("get_thing.valid.1", "get_thing", "valid", 200);
    private readonly string dir = TempDir();

    private ReportLocation Location => new(dir, dir);

    [TearDown]
    public void RemoveResults() => DeleteResults(dir);

    [Test]
    public void Of_AFailedAndBPassedInThePreviousRun_OnlyAIsLastFailed()
    {
        Night(A, B, StatusMismatch(A, 400), Passed(B, 200));

        var previous = LastFailed.Read(Location, [A, B]);

        Assert.Multiple(() =>
        {
            Assert.That(CaseCategories.Of(A, previous), Is.EqualTo(new[] { "demo", "unknown_id", "4xx", "status_code_conformance", "last_failed" }));
            Assert.That(CaseCategories.Of(B, previous), Does.Not.Contain("last_failed"));
            Assert.That(previous.Problem, Is.Null);
        });
    }

    [Test]
    public void Of_RowBrokenInThePreviousRun_IsLastFailed()
    {
        Night(A, B, Result(A, Verdict.Broken, "Target unreachable (timeout)", null, []), Passed(B, 200));

        Assert.That(CaseCategories.Of(A, LastFailed.Read(Location, [A, B])), Does.Contain("last_failed"));
    }

    [Test]
    public void Of_KnownIssueStillFailingInThePreviousRun_NotLastFailed()
    {
        var knownA = A with { Known = "API-123: 404 comes back as 400" };
        Night(knownA, B, StatusMismatch(knownA, 400) with { KnownIssue = "API-123: 404 comes back as 400" }, StatusMismatch(B, 500));

        var previous = LastFailed.Read(Location, [knownA, B]);

        Assert.Multiple(() =>
        {
            Assert.That(CaseCategories.Of(knownA, previous), Does.Not.Contain("last_failed"));
            Assert.That(CaseCategories.Of(B, previous), Does.Contain("last_failed"));
        });
    }

    [Test]
    public void Of_KnownRowThatFailedOtherwiseInThePreviousRun_IsLastFailed()
    {
        // The known issue no longer reproduces (the case fails saying so), or another check failed: the run went red for it.
        var knownA = A with { Known = "API-123: 404 comes back as 400" };
        Night(knownA, B, StatusMismatch(knownA, 500), Passed(B, 200));

        Assert.That(CaseCategories.Of(knownA, LastFailed.Read(Location, [knownA, B])), Does.Contain("last_failed"));
    }

    [Test]
    public void Of_InvalidEntryBrokenInThePreviousRun_IsLastFailed()
    {
        var entry = new InvalidEntry("demo", new SourceLocation("contracts/demo/tables/things.yaml", 7, 3), []);
        Night(A, B, new CaseResult("demo", entry.CaseName, null, Verdict.Broken, "Invalid contract: ...", null, [], [], null, Started, TimeSpan.Zero), Passed(A, 404), Passed(B, 200));

        var previous = LastFailed.Read(Location, [A, B]);

        Assert.Multiple(() =>
        {
            Assert.That(CaseCategories.Of(entry, previous), Is.EqualTo(new[] { "demo", "invalid", "last_failed" }));
            Assert.That(CaseCategories.Of(A, previous), Does.Not.Contain("last_failed"));
        });
    }

    [Test]
    public void Of_PactInteractionFailedInThePreviousRun_IsLastFailed()
    {
        var failing = new PactInteraction("demo", "pact / demo / a thing read without a token");
        var passing = new PactInteraction("demo", "pact / demo / a thing read with a token");
        Night(A, B, Interaction(failing, Verdict.Failed), Interaction(passing, Verdict.Passed), Passed(A, 404), Passed(B, 200));

        var previous = LastFailed.Read(Location, [A, B]);

        Assert.Multiple(() =>
        {
            Assert.That(CaseCategories.Of(failing, previous), Is.EqualTo(new[] { "pact", "demo", "last_failed" }));
            Assert.That(CaseCategories.Of(passing, previous), Is.EqualTo(new[] { "pact", "demo" }));
        });
    }

    [Test]
    public void Of_PactSourceBrokenInThePreviousRun_ItAndTheInteractionsWithoutAVerdictAreLastFailed()
    {
        // The night could not read nope.json: its case broke, and the interactions it holds had no verdict.
        var source = new PactInteraction(PactInteraction.SourceProvider, "pact / nope.json (invalid)");
        var passing = new PactInteraction("demo", "pact / demo / a thing read with a token");
        var unread = new PactInteraction("demo", "pact / demo / a thing read from nope.json");
        Night(A, B, Interaction(source, Verdict.Broken), Interaction(passing, Verdict.Passed), Passed(A, 404), Passed(B, 200));

        var previous = LastFailed.Read(Location, [A, B]);

        Assert.Multiple(() =>
        {
            Assert.That(CaseCategories.Of(source, previous), Is.EqualTo(new[] { "pact", "last_failed" }));
            Assert.That(CaseCategories.Of(unread, previous), Is.EqualTo(new[] { "pact", "demo", "last_failed" }));
            Assert.That(CaseCategories.Of(passing, previous), Is.EqualTo(new[] { "pact", "demo" }));
            Assert.That(CaseCategories.Of(A, previous), Does.Not.Contain("last_failed"));
        });
    }

    [Test]
    public void Of_NewInteractionWhileNoPactSourceBroke_NotLastFailed()
    {
        var unread = new PactInteraction("demo", "pact / demo / a thing read from a new pact");
        Night(A, B, Interaction(new PactInteraction("demo", "pact / demo / a thing read with a token"), Verdict.Passed), Passed(A, 404), Passed(B, 200));

        Assert.That(CaseCategories.Of(unread, LastFailed.Read(Location, [A, B])), Is.EqualTo(new[] { "pact", "demo" }));
    }

    [Test]
    public void Read_NoPreviousScorecard_NoCaseIsLastFailedAndNoWarning()
    {
        var previous = LastFailed.Read(Location, [A, B]);

        Assert.Multiple(() =>
        {
            Assert.That(CaseCategories.Of(A, previous), Does.Not.Contain("last_failed"));
            Assert.That(previous.Problem, Is.Null);
        });
    }

    [Test]
    public void Read_CorruptScorecard_NoCaseIsLastFailedAndOneWarning()
    {
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "scorecard.json");
        File.WriteAllText(path, "oops: a disk full cut the file");

        var previous = LastFailed.Read(Location, [A, B]);

        Assert.Multiple(() =>
        {
            Assert.That(CaseCategories.Of(A, previous), Does.Not.Contain("last_failed"));
            Assert.That(previous.Problem, Is.EqualTo(
                $"The previous run's scorecard was not read ({path}): it is not valid JSON ('o' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 0.). "
                + "No case of the packs is in the category last_failed this run, so --filter Category=last_failed runs none of them. "
                + "Fix: delete the file, or put back the scorecard.json of a run that finished; each finished run writes a new one."));
        });
    }

    [Test]
    public void Read_ScorecardIsAPipe_OneWarningWithoutWaitingForAWriter()
    {
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "scorecard.json");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", path))
        {
            mkfifo.WaitForExit();
        }

        var previous = LastFailed.Read(Location, [A, B]);

        Assert.That(previous.Problem, Does.StartWith(
            $"The previous run's scorecard was not read ({path}): it could not be read: it is a pipe (FIFO), not a regular file, and scorecards are read whole. "),
            "before: the run's setup waited for a writer to the pipe, forever");
    }

    [Test]
    public void Read_ScorecardOfARunKilledBeforeItsEnd_TheSetAsideOneIsRead()
    {
        Night(A, B, StatusMismatch(A, 400), Passed(B, 200));
        var aside = AllureWriter.Discarded(dir);
        Directory.CreateDirectory(aside);
        File.Move(Path.Combine(dir, "scorecard.json"), Path.Combine(aside, "scorecard.json"));

        Assert.That(CaseCategories.Of(A, LastFailed.Read(Location, [A, B])), Does.Contain("last_failed"));
    }

    private static CaseResult Interaction(PactInteraction interaction, Verdict verdict) =>
        new("pact", interaction.Name, null, verdict, "expected 200 but was 401", null, [], [], null, Started, TimeSpan.Zero) { Suite = interaction.Provider };

    private void Night(StatusRow first, StatusRow second, params CaseResult[] results)
    {
        var writer = new AllureWriter(Scope(first, second), Location, env: _ => null, gitHead: () => null);
        foreach (var result in results)
        {
            writer.Write(result);
        }

        writer.Finish();
    }
}
