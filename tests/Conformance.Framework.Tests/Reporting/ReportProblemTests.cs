using Conformance.Reporting.Allure;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>
/// A write that fails during the run (here: a folder where environment.properties goes) is kept as the writer's
/// <see cref="AllureWriter.Problem"/>, which the suites turn into one failing case; before, it went to the test app's
/// stderr alone, which <c>dotnet test</c> does not show, and the run stayed green without its report.
/// </summary>
public sealed class ReportProblemTests
{
    private static readonly Conformance.Tables.StatusRow Valid = Row("valid", "get_thing", "valid", 200);
    private string dir = null!;

    private string Results => Path.Combine(dir, "allure-results");

    [SetUp]
    public void SetUp() => dir = TempDir();

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    [Test]
    public void Problem_EveryWriteSucceeded_Null()
    {
        var writer = Writer();
        writer.Write(Passed(Valid, 200));
        writer.Finish();

        Assert.Multiple(() =>
        {
            Assert.That(writer.Problem, Is.Null);
            Assert.That(File.Exists(Path.Combine(Results, "environment.properties")), Is.True);
        });
    }

    [Test]
    public void Problem_AFolderWhereARunFileGoes_SaysWhatFailedAndThatTheVerdictsStand()
    {
        Directory.CreateDirectory(Path.Combine(Results, "environment.properties"));
        var stderr = new StringWriter();
        var writer = Writer(stderr);
        writer.Write(Passed(Valid, 200));
        writer.Finish();

        Assert.Multiple(() =>
        {
            Assert.That(writer.Problem, Is.EqualTo(
                $"Reports incomplete: 1 write of the run's reports failed, the first: UnauthorizedAccessException: Access to the path '{Results}/environment.properties' is denied. " +
                $"The cases ran and their verdicts stand, but the Allure results, the scorecard or the JUnit report are missing or partial. Fix: check that {Results} and {dir}/junit.xml can be written (free space, permissions), or set conformance.allureResults=off."));
            Assert.That(File.Exists(Path.Combine(Results, "scorecard.md")), Is.True, "one failed write keeps none of the others from being made");
            Assert.That(stderr.ToString(), Does.StartWith($"Conformance reporting: could not write to {Results}: UnauthorizedAccessException: "));
        });
    }

    [Test]
    public void Problem_SeveralWritesFail_CountsThemAndKeepsTheFirst()
    {
        var writer = Writer();
        writer.Write(Passed(Valid, 200));
        Directory.Delete(Results, recursive: true);
        File.WriteAllText(Results, "a file where the folder was");
        writer.Write(Passed(Valid, 200));
        writer.Write(Passed(Valid, 200));

        Assert.That(writer.Problem, Does.StartWith("Reports incomplete: 2 writes of the run's reports failed, the first: "));
    }

    private AllureWriter Writer(TextWriter? errors = null) =>
        new(Scope(Valid), new ReportLocation(Results, Results) { JUnit = Path.Combine(dir, "junit.xml") }, env: _ => null, gitHead: () => "abc1234def", errors: errors ?? TextWriter.Null);
}
