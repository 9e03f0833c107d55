using Conformance.Trx;

namespace Conformance.Framework.Tests.Trx;

public sealed class TrxFileNamesTests
{
    [Test]
    public void Default_AssemblyAndOffsetTime_NamesAssemblyAndUtcTime()
    {
        var now = new DateTimeOffset(2026, 3, 4, 1, 2, 3, TimeSpan.FromHours(-5));

        Assert.That(TrxFileNames.Default("Conformance.Suites", now), Is.EqualTo("Conformance.Suites_20260304060203.trx"));
    }

    [Test]
    public void Unique_FileFree_KeepsName()
    {
        Assert.That(TrxFileNames.Unique("/results", "run.trx", _ => false), Is.EqualTo(Path.GetFullPath("/results/run.trx")));
    }

    [Test]
    public void Unique_FileExists_AddsFirstFreeSuffix()
    {
        var taken = new[] { Path.GetFullPath("/results/run.trx"), Path.GetFullPath("/results/run_1.trx") };

        Assert.That(TrxFileNames.Unique("/results", "run.trx", taken.Contains), Is.EqualTo(Path.GetFullPath("/results/run_2.trx")));
    }

    [TestCase("results.trx")]
    [TestCase("Nightly Run 2026-01-02.TRX")]
    [TestCase("a.b.trx")]
    public void Validate_PlainTrxName_Accepts(string fileName)
    {
        Assert.That(TrxFileNames.Validate(fileName), Is.Null);
    }

    [TestCase("results.xml")]
    [TestCase("results")]
    [TestCase(".trx")]
    [TestCase("  .trx")]
    public void Validate_NotEndingInTrx_SaysSo(string fileName)
    {
        Assert.That(
            TrxFileNames.Validate(fileName),
            Is.EqualTo($"--report-trx-filename '{fileName}' must be a file name ending in '.trx', for example: results.trx."));
    }

    [TestCase("out/results.trx")]
    [TestCase("..\\results.trx")]
    [TestCase("/tmp/results.trx")]
    public void Validate_WithDirectory_PointsToResultsDirectory(string fileName)
    {
        Assert.That(
            TrxFileNames.Validate(fileName),
            Is.EqualTo($"--report-trx-filename '{fileName}' must be a file name without a directory; choose the folder with --results-directory."));
    }

    [TestCase("what?.trx")]
    [TestCase("a|b.trx")]
    [TestCase("c:results.trx")]
    [TestCase("tab\there.trx")]
    public void Validate_ForbiddenCharacter_NamesTheForbiddenSet(string fileName)
    {
        Assert.That(
            TrxFileNames.Validate(fileName),
            Is.EqualTo($"--report-trx-filename '{fileName}' contains a character that is not allowed in file names (: * ? \" < > | or a control character)."));
    }
}
