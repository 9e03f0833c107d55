using System.Diagnostics.CodeAnalysis;
using Conformance.Trx;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Messages;
using Microsoft.Testing.Platform.OutputDevice;
using Microsoft.Testing.Platform.Services;
using Microsoft.Testing.Platform.TestHost;

namespace Conformance.Framework.Tests.Trx;

/// <summary>A clock the test sets by hand.</summary>
internal sealed class ManualTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>An output device that keeps what it was asked to show.</summary>
internal sealed class RecordingOutputDevice : IOutputDevice
{
    public List<IOutputDeviceData> Shown { get; } = [];

    public Task DisplayAsync(IOutputDeviceDataProducer producer, IOutputDeviceData data, CancellationToken cancellationToken)
    {
        Shown.Add(data);
        return Task.CompletedTask;
    }
}

/// <summary>A message bus that keeps what was published.</summary>
internal sealed class RecordingMessageBus : IMessageBus
{
    public List<IData> Published { get; } = [];

    public Task PublishAsync(IDataProducer dataProducer, IData data)
    {
        Published.Add(data);
        return Task.CompletedTask;
    }
}

/// <summary>Command-line options as the platform would parse them: names set, optionally with arguments.</summary>
internal sealed class FakeCommandLineOptions(params string[] set) : ICommandLineOptions
{
    public Dictionary<string, string[]> Arguments { get; } = [];

    public bool IsOptionSet(string optionName) => set.Contains(optionName) || Arguments.ContainsKey(optionName);

    public bool TryGetOptionArgumentList(string optionName, [NotNullWhen(true)] out string[]? arguments) =>
        Arguments.TryGetValue(optionName, out arguments);
}

/// <summary>A test session.</summary>
internal sealed class FakeSession : ITestSessionContext
{
    public SessionUid SessionUid { get; } = new("session-1");

    public CancellationToken CancellationToken => CancellationToken.None;
}

/// <summary>The test framework sending updates.</summary>
internal sealed class FakeFramework : IDataProducer
{
    public Type[] DataTypesProduced => [typeof(TestNodeUpdateMessage)];

    public string Uid => "FakeFramework";

    public string Version => "9.9";

    public string DisplayName => "Fake framework";

    public string Description => "Sends test node updates.";

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);
}

/// <summary>Builds test nodes and TRX results for the tests.</summary>
internal static class TrxSamples
{
    public static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static TestNode Node(string uid, TestNodeStateProperty state, params IProperty[] more) =>
        new() { Uid = new TestNodeUid(uid), DisplayName = uid.Split('.')[^1], Properties = new PropertyBag([state, .. more]) };

    public static TestNodeUpdateMessage Update(TestNode node) => new(new SessionUid("session-1"), node, null);

    public static TrxTestResult Result(TrxOutcome outcome, string name = "Ns.Class.Method", TimeSpan duration = default) => new(
        Guid.NewGuid(), name, name.Split('.')[^1], "Ns.Class", name.Split('.')[^1], "executor://FakeFramework/9.9", outcome, Start, Start + duration, duration);

    public static TrxRun Run() => new(new Guid("11111111-2222-3333-4444-555555555555"), "tester", "build-01", "/repo/bin/Tests.dll", Start, Start.AddSeconds(3));
}
