using Conformance.Reporting.Allure;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>
/// A night killed before its teardown (a CI timeout, a cancelled job) never reaches <see cref="AllureWriter.Finish"/>.
/// What it leaves must not pass for a finished night: no JUnit report of the night before (a CI system would publish
/// it as tonight's), and the last finished night's scorecard kept as the next night's baseline (it was reused as a
/// result file, so the night after the interrupted one said nothing of what had changed).
/// </summary>
public sealed class InterruptedRunTests
{
    private static readonly Conformance.Tables.StatusRow Valid = Row("valid", "get_thing", "valid", 200);
    private string dir = null!;

    private string Results => Path.Combine(dir, "allure-results");

    private string JUnit => Path.Combine(dir, "junit.xml");

    [SetUp]
    public void SetUp() => dir = TempDir();

    [TearDown]
    public void TearDown()
    {
        DeleteResults(Results);
        DeleteResults(dir);
    }

    [Test]
    public void Write_EarlierRunsJUnitReportInPlace_RemovedWhenTheFirstCaseIsWritten()
    {
        Finished(Passed(Valid, 200));

        Writer().Write(StatusMismatch(Valid, 500));

        Assert.That(File.Exists(JUnit), Is.False);
    }

    [Test]
    public void Finish_RunAfterAnInterruptedOne_ComparesWithTheLastFinishedRun()
    {
        Finished(Passed(Valid, 200));
        var interrupted = Writer();
        for (var i = 0; i < 20; i++)
        {
            interrupted.Write(Passed(Row($"more{i}", "get_thing", $"more{i}", 404), 404)); // would reuse every file the first run left
        }

        Finished(StatusMismatch(Valid, 500));

        Assert.That(File.ReadAllText(Path.Combine(Results, "scorecard.md")), Does.Contain(
            "\n## Since the previous run\n\n1 case(s) in both runs: 1 newly failing, 0 fixed; 0 new.\n\nNewly failing:\n\n- demo / get_thing / valid -> 200 (passed -> failed)\n"));
    }

    [Test]
    public void Write_InterruptedRun_LeavesNoScorecardInTheResultsFolder()
    {
        Finished(Passed(Valid, 200));

        Writer().Write(Passed(Valid, 200));

        Assert.That(Directory.GetFiles(Results, "scorecard.*"), Is.Empty);
    }

    [Test]
    public void Write_AllureOffInterruptedRun_LeavesNoScorecardMdAndTheNextRunComparesWithTheLastFinished()
    {
        var off = new ReportLocation(null, dir);
        Finished(Passed(Valid, 200), off);

        Writer(off).Write(StatusMismatch(Valid, 500));
        var leftByTheKilledRun = File.Exists(Path.Combine(dir, "scorecard.md"));
        Finished(StatusMismatch(Valid, 500), off);

        Assert.Multiple(() =>
        {
            Assert.That(leftByTheKilledRun, Is.False, "the night before's scorecard.md would pass for the killed night's");
            Assert.That(File.ReadAllText(Path.Combine(dir, "scorecard.md")), Does.Contain("\n1 case(s) in both runs: 1 newly failing, 0 fixed; 0 new.\n"));
        });
    }

    private void Finished(Conformance.Reporting.CaseResult result, ReportLocation? location = null)
    {
        var writer = Writer(location);
        writer.Write(result);
        writer.Finish();
    }

    private AllureWriter Writer(ReportLocation? location = null) =>
        new(Scope(Valid), location ?? new ReportLocation(Results, Results) { JUnit = JUnit }, env: _ => null, gitHead: () => "abc1234def");
}
