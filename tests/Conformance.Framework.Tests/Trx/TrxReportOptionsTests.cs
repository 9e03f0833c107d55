using Conformance.Trx;
using Microsoft.Testing.Platform.Extensions.CommandLine;

namespace Conformance.Framework.Tests.Trx;

public sealed class TrxReportOptionsTests
{
    private readonly TrxReportOptions _options = new();

    [Test]
    public void GetCommandLineOptions_Always_OffersReportSwitchAndFileName()
    {
        var offered = _options.GetCommandLineOptions().Select(o => (o.Name, o.Arity.Min, o.Arity.Max, o.IsHidden));

        Assert.That(offered, Is.EqualTo(new[] { ("report-trx", 0, 0, false), ("report-trx-filename", 1, 1, false) }));
    }

    [Test]
    public async Task ValidateOptionArgumentsAsync_BadFileName_RejectsWithRule()
    {
        var result = await _options.ValidateOptionArgumentsAsync(FileNameOption(), ["results.xml"]);

        Assert.That(
            (result.IsValid, result.ErrorMessage),
            Is.EqualTo((false, "--report-trx-filename 'results.xml' must be a file name ending in '.trx', for example: results.trx.")));
    }

    [Test]
    public async Task ValidateOptionArgumentsAsync_GoodFileName_Accepts()
    {
        var result = await _options.ValidateOptionArgumentsAsync(FileNameOption(), ["nightly.trx"]);

        Assert.That(result.IsValid, Is.True);
    }

    [Test]
    public async Task ValidateCommandLineOptionsAsync_FileNameWithoutReport_Rejects()
    {
        var result = await _options.ValidateCommandLineOptionsAsync(new FakeCommandLineOptions("report-trx-filename"));

        Assert.That(
            (result.IsValid, result.ErrorMessage),
            Is.EqualTo((false, "--report-trx-filename only applies together with --report-trx: add --report-trx or drop --report-trx-filename.")));
    }

    [TestCase("report-trx")]
    [TestCase("report-trx", "report-trx-filename")]
    [TestCase]
    public async Task ValidateCommandLineOptionsAsync_ReportOrNothing_Accepts(params string[] set)
    {
        var result = await _options.ValidateCommandLineOptionsAsync(new FakeCommandLineOptions(set));

        Assert.That(result.IsValid, Is.True);
    }

    private CommandLineOption FileNameOption() => _options.GetCommandLineOptions().Single(o => o.Name == "report-trx-filename");
}
