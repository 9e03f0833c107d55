using Conformance.Trx;
using Microsoft.Testing.Platform.OutputDevice;
using static Conformance.Framework.Tests.Trx.TrxSamples;

namespace Conformance.Framework.Tests.Trx;

public sealed class TrxStandardErrorDeviceTests
{
    [Test]
    public async Task DisplayAsync_ErrorThenText_WritesOnlyTheErrorLine()
    {
        using var standardError = new StringWriter { NewLine = "\n" };
        var device = new TrxStandardErrorDevice(standardError);
        var generator = new TrxReportGenerator(
            new TrxReportSettings(true, "/r", null, "Tests", "/r/Tests.dll"), device, new RecordingMessageBus(), new ManualTime(Start), TrxReportFile.Write);

        await device.DisplayAsync(generator, new ErrorMessageOutputDeviceData("TRX report not written."), CancellationToken.None);
        await device.DisplayAsync(generator, new TextOutputDeviceData("TRX report: /r/a.trx"), CancellationToken.None);

        Assert.That(standardError.ToString(), Is.EqualTo("TRX report not written.\n"));
    }

    [Test]
    public void IsNeeded_UnderDotnetTest_True()
    {
        var options = new FakeCommandLineOptions { Arguments = { ["server"] = ["dotnettestcli"] } };

        Assert.That(TrxStandardErrorDevice.IsNeeded(options), Is.True);
    }

    [Test]
    public void IsNeeded_IdeServerOrPlainRun_False()
    {
        var ide = new FakeCommandLineOptions { Arguments = { ["server"] = ["jsonrpc"] } };

        Assert.That((TrxStandardErrorDevice.IsNeeded(ide), TrxStandardErrorDevice.IsNeeded(new FakeCommandLineOptions())), Is.EqualTo((false, false)));
    }
}
