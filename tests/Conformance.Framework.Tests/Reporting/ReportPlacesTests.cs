using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Framework.Tests.Engine;
using Conformance.Reporting;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>
/// Every report's place is checked once before the first case: a report setting naming a file where a folder belongs, a
/// folder where a file belongs, no path at all, or a place nothing can be written to is CT0303 with the run's other
/// setting errors. Before, each of these ran green and the report silently never appeared.
/// </summary>
public sealed class ReportPlacesTests
{
    private string dir = null!;

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(dir = ReportFixture.TempDir());

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    [Test]
    public void Check_Defaults_NoErrorAndTheResultsFolderCreatedEmpty()
    {
        var errors = ReportPlaces.Check(Settings(), dir);

        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty);
            Assert.That(Directory.GetFileSystemEntries(Path.Combine(dir, "allure-results")), Is.Empty, "the file tried in it is removed at once");
        });
    }

    [Test]
    public void Check_AllureResultsNamesAFile_IsAFileNotAFolder()
    {
        var file = Path.Combine(dir, "results.txt");
        File.WriteAllText(file, "kept");

        var errors = ReportPlaces.Check(Settings(("conformance.allureResults", file)), dir);

        Assert.Multiple(() =>
        {
            Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
            {
                $"runsettings:conformance.allureResults(1,1): error CT0303: {file} is a file, not a folder, conformance.allureResults (or CONFORMANCE_CONFORMANCE_ALLURERESULTS) names the folder the Allure results and the scorecard go to. Fix: Name a folder the run may write to (it is created when missing), or set conformance.allureResults=off.",
            }));
            Assert.That(File.ReadAllText(file), Is.EqualTo("kept"));
        });
    }

    [Test]
    public void Check_JUnitNamesAFolder_IsAFolderWithAFileToName()
    {
        var errors = ReportPlaces.Check(Settings(("conformance.junit", "reports/")), dir);

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            $"runsettings:conformance.junit(1,1): error CT0303: {dir}/reports/ is a folder, conformance.junit (or CONFORMANCE_CONFORMANCE_JUNIT) names the file the JUnit XML report is written to. Fix: Name a file in it, such as {dir}/reports/junit.xml.",
        }));
    }

    [Test]
    public void Check_JUnitInsideAFile_ItsFolderIsAFileOrCannotBeCreated()
    {
        File.WriteAllText(Path.Combine(dir, "afile"), string.Empty);

        var inFile = ReportPlaces.Check(Settings(("conformance.junit", "afile/junit.xml")), dir).Single().ToString();
        var below = ReportPlaces.Check(Settings(("conformance.junit", "afile/reports/junit.xml")), dir).Single().ToString();

        Assert.Multiple(() =>
        {
            Assert.That(inFile, Is.EqualTo($"runsettings:conformance.junit(1,1): error CT0303: {dir}/afile is a file, not a folder, conformance.junit (or CONFORMANCE_CONFORMANCE_JUNIT) names the file the JUnit XML report is written to. Fix: Name a folder the run may write to (it is created when missing)."));
            Assert.That(below, Does.StartWith($"runsettings:conformance.junit(1,1): error CT0303: The folder {dir}/afile/reports cannot be created ("));
            Assert.That(below, Does.EndWith("), conformance.junit (or CONFORMANCE_CONFORMANCE_JUNIT) names the file the JUnit XML report is written to. Fix: Name a folder the run may write to (it is created when missing)."));
        });
    }

    [Test]
    public void Check_AllureResultsWhereNoFolderCanBeMade_CannotBeCreated()
    {
        var error = ReportPlaces.Check(Settings(("conformance.allureResults", "/sys/conformance-results")), dir).Single().ToString();

        Assert.That(error, Does.StartWith("runsettings:conformance.allureResults(1,1): error CT0303: The folder /sys/conformance-results cannot be created (").And.EndWith(", or set conformance.allureResults=off."));
    }

    [Test]
    public void Check_AllureResultsAFolderNothingCanBeWrittenIn_NothingCanBeWritten()
    {
        var error = ReportPlaces.Check(Settings(("conformance.allureResults", "/sys")), dir).Single().ToString();

        Assert.That(error, Does.StartWith("runsettings:conformance.allureResults(1,1): error CT0303: Nothing can be written in the folder /sys ("));
    }

    [Test]
    public void Check_AllureOffAndTheResultsFolderAFile_TheScorecardsFolderIsChecked()
    {
        var results = Path.Combine(dir, "TestResults");
        File.WriteAllText(results, string.Empty);

        var errors = ReportPlaces.Check(Settings(("conformance.allureResults", "off")), results);

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            $"runsettings:conformance.allureResults(1,1): error CT0303: {results} is a file, not a folder, the scorecard goes to the test results folder while conformance.allureResults is off. Fix: Name a folder the run may write to (it is created when missing), or set conformance.allureResults=off.",
        }));
    }

    [Test]
    public void Check_NotAPathAndTimingsAFolder_EveryErrorListed()
    {
        var errors = ReportPlaces.Check(Settings(("conformance.junit", "junit\0.xml"), ("conformance.timings", dir)), dir);

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "runsettings:conformance.junit(1,1): error CT0303: a value of 10 characters (not shown: it may be a secret set in the wrong variable) holds a control character, conformance.junit (or CONFORMANCE_CONFORMANCE_JUNIT) takes a path. Fix: Give the path without control characters.",
            $"runsettings:conformance.timings(1,1): error CT0303: {dir} is a folder, conformance.timings (or CONFORMANCE_CONFORMANCE_TIMINGS) names the file the run's timings (JSON) is written to. Fix: Name a file in it, such as {dir}/timings.json.",
        }));
    }

    [TestCase("not a url")]
    [TestCase("javascript:alert(1)")]
    [TestCase("ftp://x.test/")]
    public void Check_SourceUrlNotAWebAddress_CT0303(string value)
    {
        var errors = ReportPlaces.Check(Settings(("conformance.sourceUrl", value)), dir);

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            $"runsettings:conformance.sourceUrl(1,1): error CT0303: {SettingValue.Quoted(value)} is not an absolute http(s) URL, conformance.sourceUrl (or CONFORMANCE_CONFORMANCE_SOURCEURL) is the web address the Allure results link each case's table row under. Fix: Give the address of the repository's files in its web view, such as https://github.com/acme/api-tests/blob/main.",
        }));
    }

    [Test]
    public void Check_SourceUrlAWebAddress_NoError() =>
        Assert.That(ReportPlaces.Check(Settings(("conformance.sourceUrl", "https://github.com/acme/api-tests/blob/main")), dir), Is.Empty);

    [Test]
    public void ConformanceRun_JUnitFromTheEnvironmentAFolder_RunSettingErrorPlacedAtTheVariable()
    {
        var settings = new SettingsSource(_ => null, name => name == "CONFORMANCE_CONFORMANCE_JUNIT" ? dir : null);

        using var run = new ConformanceRun(new ContractSet([EngineHarness.Demo]), settings, null, dir);

        Assert.That(run.RunSettingErrors.Select(e => e.Location.Path), Is.EqualTo(new[] { "environment:CONFORMANCE_CONFORMANCE_JUNIT" }));
    }

    [Test]
    public void ConformanceRun_SecondRunIntoTheSameFolder_RefusedUntilTheFirstEnds()
    {
        var contracts = new ContractSet([EngineHarness.Demo]);
        var first = new ConformanceRun(contracts, Settings(), null, dir);
        using var second = new ConformanceRun(contracts, Settings(), null, dir);
        first.Dispose();
        using var third = new ConformanceRun(contracts, Settings(), null, dir);

        Assert.Multiple(() =>
        {
            Assert.That((first.RunSettingErrors.Count, first.WritesNoReports), Is.EqualTo((0, false)));
            Assert.That(second.RunSettingErrors.Select(e => e.ToString()), Is.EqualTo(new[]
            {
                $"runsettings:conformance.allureResults(1,1): error CT0303: Another run is writing its reports to {dir}/allure-results, two runs in one folder take each other's files (each sets aside what it finds there and reuses it for its own), so neither report would be whole. Fix: Give this run a folder of its own (conformance.allureResults, or CONFORMANCE_CONFORMANCE_ALLURERESULTS), or start it when the other has ended.",
            }));
            Assert.That(second.WritesNoReports, Is.True);
            Assert.That((third.RunSettingErrors.Count, third.WritesNoReports), Is.EqualTo((0, false)), "the lock goes with the run");
        });
    }

    private static SettingsSource Settings(params (string Name, string Value)[] values) =>
        new(name => values.FirstOrDefault(v => v.Name == name).Value, _ => null);
}
