using System.Security;
using System.Xml.Linq;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Extensions.TestHost;
using Microsoft.Testing.Platform.Messages;
using Microsoft.Testing.Platform.OutputDevice;
using Microsoft.Testing.Platform.Services;

namespace Conformance.Trx;

/// <summary>
/// The TRX report extension in the test host: collects every final test node update of the session and, when the
/// session finishes, writes one TRX file into the results directory, prints <c>TRX report: &lt;path&gt;</c> and
/// publishes the file as a session artifact (the platform lists it; under <c>dotnet test</c>, which shows no output-device
/// text, that listing is where the path appears). A failed write is reported once and never fails the run.
/// </summary>
internal sealed class TrxReportGenerator(
    TrxReportSettings settings,
    IOutputDevice output,
    IMessageBus messageBus,
    TimeProvider time,
    Func<XDocument, string, string, string> write) : IDataConsumer, IDataProducer, ITestSessionLifetimeHandler, IOutputDeviceDataProducer
{
    /// <summary>The version every part of this extension reports.</summary>
    public const string ExtensionVersion = "1.0.0";

    /// <summary>The line printed after writing, followed by the file's full path.</summary>
    public const string WrittenPrefix = "TRX report: ";

    private readonly TrxResultCollector collector = new(time);
    private DateTimeOffset sessionStarted;
    private int finishing;

    public string Uid => "Conformance.Trx.Report";

    public string Version => ExtensionVersion;

    public string DisplayName => "Conformance TRX report";

    public string Description => "Writes a TRX file of the run (--report-trx).";

    public Type[] DataTypesConsumed => [typeof(TestNodeUpdateMessage)];

    public Type[] DataTypesProduced => [typeof(SessionFileArtifact)];

    /// <summary>The generator for a real run: settings from the platform, system clock, files on disk.</summary>
    public static TrxReportGenerator Create(IServiceProvider services)
    {
        var output = TrxStandardErrorDevice.IsNeeded(services.GetCommandLineOptions())
            ? new TrxStandardErrorDevice(Console.Error)
            : services.GetOutputDevice();
        return new(TrxReportSettings.FromServices(services), output, services.GetMessageBus(), TimeProvider.System, TrxReportFile.Write);
    }

    public Task<bool> IsEnabledAsync() => Task.FromResult(settings.Enabled);

    public Task ConsumeAsync(IDataProducer dataProducer, IData value, CancellationToken cancellationToken)
    {
        if (value is TestNodeUpdateMessage update)
        {
            collector.Add(update.TestNode, $"executor://{dataProducer.Uid}/{dataProducer.Version}");
        }

        return Task.CompletedTask;
    }

    public Task OnTestSessionStartingAsync(ITestSessionContext testSessionContext)
    {
        sessionStarted = time.GetUtcNow();
        return Task.CompletedTask;
    }

    public async Task OnTestSessionFinishingAsync(ITestSessionContext testSessionContext)
    {
        if (Interlocked.Exchange(ref finishing, 1) == 1)
        {
            return;
        }

        var finished = time.GetUtcNow();
        var started = sessionStarted == default ? finished : sessionStarted;
        var document = TrxDocumentBuilder.Build(TrxRun.ForThisMachine(settings.AssemblyPath, started, finished), collector.Results);
        var fileName = settings.FileName ?? TrxFileNames.Default(settings.AssemblyName, finished);
        string path;
        try
        {
            path = write(document, settings.ResultsDirectory, fileName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SecurityException or NotSupportedException or ArgumentException)
        {
            var error = new ErrorMessageOutputDeviceData(TrxReportFile.WriteFailed(settings.ResultsDirectory, e));
            await output.DisplayAsync(this, error, testSessionContext.CancellationToken).ConfigureAwait(false);
            return;
        }

        var artifact = new SessionFileArtifact(testSessionContext.SessionUid, new FileInfo(path), DisplayName, "The TRX report of the run.");
        await messageBus.PublishAsync(this, artifact).ConfigureAwait(false);
        await output.DisplayAsync(this, new TextOutputDeviceData(WrittenPrefix + path), testSessionContext.CancellationToken).ConfigureAwait(false);
    }
}
