using System.Xml.Linq;
using Conformance.Trx;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.OutputDevice;
using static Conformance.Framework.Tests.Trx.TrxSamples;

namespace Conformance.Framework.Tests.Trx;

public sealed class TrxReportGeneratorTests
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    private RecordingOutputDevice _output = new();
    private RecordingMessageBus _bus = new();
    private ManualTime _time = new(Start);
    private string _directory = "";

    // NUnit runs every test of a fixture on one instance: each test starts from fresh fakes and its own directory.
    [SetUp]
    public void StartFresh()
    {
        _output = new RecordingOutputDevice();
        _bus = new RecordingMessageBus();
        _time = new ManualTime(Start);
        _directory = Path.Combine(Path.GetTempPath(), "trx-tests-" + Guid.NewGuid().ToString("N"));
    }

    [TearDown]
    public void DeleteDirectory()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Test]
    public async Task OnTestSessionFinishingAsync_FinalUpdates_WritesDefaultFileAndPrintsPath()
    {
        var generator = Generator();

        await RunAsync(generator, Node("Ns.Class.Passes", PassedTestNodeStateProperty.CachedInstance),
            Node("Ns.Class.Passes", InProgressTestNodeStateProperty.CachedInstance), Node("Ns.Class.Fails", new FailedTestNodeStateProperty("no")));

        var path = Path.Combine(_directory, "Tests_20260102030405.trx");
        var results = XDocument.Load(path).Descendants(Ns + "UnitTestResult").Select(r => r.Attribute("outcome")?.Value);
        Assert.Multiple(() =>
        {
            Assert.That(results, Is.EqualTo(new[] { "Passed", "Failed" }));
            Assert.That(Shown(), Is.EqualTo(new[] { "TRX report: " + path }));
            Assert.That(_bus.Published.OfType<SessionFileArtifact>().Single().FileInfo.FullName, Is.EqualTo(path));
        });
    }

    [Test]
    public async Task OnTestSessionFinishingAsync_FileNameGivenAndTaken_WritesSuffixedFile()
    {
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(Path.Combine(_directory, "custom.trx"), "keep me");

        await RunAsync(Generator("custom.trx"), Node("Ns.Class.Passes", PassedTestNodeStateProperty.CachedInstance));

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(_directory, "custom.trx")), Is.EqualTo("keep me"));
            Assert.That(Shown(), Is.EqualTo(new[] { "TRX report: " + Path.Combine(_directory, "custom_1.trx") }));
            Assert.That(File.Exists(Path.Combine(_directory, "custom_1.trx")), Is.True);
        });
    }

    [Test]
    public async Task OnTestSessionFinishingAsync_WriteFails_ReportsOnceWithoutThrowing()
    {
        var generator = Generator(write: (_, _, _) => throw new IOException("No space left on device."));

        await RunAsync(generator, Node("Ns.Class.Passes", PassedTestNodeStateProperty.CachedInstance));
        await generator.OnTestSessionFinishingAsync(new FakeSession());

        Assert.Multiple(() =>
        {
            Assert.That(_output.Shown.Single(), Is.TypeOf<ErrorMessageOutputDeviceData>());
            Assert.That(Shown(), Is.EqualTo(new[]
            {
                $"TRX report not written to '{_directory}': No space left on device. Check that the directory can be created and written to, " +
                "or choose another with --results-directory. The test results themselves are unaffected.",
            }));
            Assert.That(_bus.Published, Is.Empty);
        });
    }

    [Test]
    public async Task OnTestSessionFinishingAsync_ResultsDirectoryIsAFile_ReportsOnceWithoutThrowing()
    {
        Directory.CreateDirectory(_directory);
        var file = Path.Combine(_directory, "not-a-directory");
        await File.WriteAllTextAsync(file, "");
        var generator = new TrxReportGenerator(Settings() with { ResultsDirectory = file }, _output, _bus, _time, TrxReportFile.Write);

        await RunAsync(generator, Node("Ns.Class.Passes", PassedTestNodeStateProperty.CachedInstance));

        Assert.That(Shown().Single(), Does.StartWith($"TRX report not written to '{file}': ").And.EndWith("The test results themselves are unaffected."));
    }

    [Test]
    public async Task OnTestSessionFinishingAsync_CalledTwice_WritesOneFile()
    {
        var generator = Generator();

        await RunAsync(generator, Node("Ns.Class.Passes", PassedTestNodeStateProperty.CachedInstance));
        _time.Now = Start.AddMinutes(1);
        await generator.OnTestSessionFinishingAsync(new FakeSession());

        Assert.That((Directory.GetFiles(_directory).Length, _output.Shown.Count), Is.EqualTo((1, 1)));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task IsEnabledAsync_Settings_FollowsReportSwitch(bool enabled)
    {
        var generator = new TrxReportGenerator(Settings() with { Enabled = enabled }, _output, _bus, _time, TrxReportFile.Write);

        Assert.That(await generator.IsEnabledAsync(), Is.EqualTo(enabled));
    }

    private TrxReportSettings Settings(string? fileName = null) => new(true, _directory, fileName, "Tests", "/repo/bin/Tests.dll");

    private TrxReportGenerator Generator(string? fileName = null, Func<XDocument, string, string, string>? write = null) =>
        new(Settings(fileName), _output, _bus, _time, write ?? TrxReportFile.Write);

    private static async Task RunAsync(TrxReportGenerator generator, params TestNode[] nodes)
    {
        var session = new FakeSession();
        await generator.OnTestSessionStartingAsync(session);
        foreach (var node in nodes)
        {
            await generator.ConsumeAsync(new FakeFramework(), Update(node), CancellationToken.None);
        }

        await generator.OnTestSessionFinishingAsync(session);
    }

    private string[] Shown() => [.. _output.Shown.Select(d => d switch
    {
        TextOutputDeviceData text => text.Text,
        ErrorMessageOutputDeviceData error => error.Message,
        _ => d.ToString() ?? "",
    })];
}
