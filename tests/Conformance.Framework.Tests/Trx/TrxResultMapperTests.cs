using Conformance.Trx;
using Microsoft.Testing.Platform.Extensions.Messages;
using static Conformance.Framework.Tests.Trx.TrxSamples;

namespace Conformance.Framework.Tests.Trx;

public sealed class TrxResultMapperTests
{
    private static readonly DateTimeOffset Received = new(2026, 5, 6, 7, 8, 9, TimeSpan.Zero);

#pragma warning disable MTP0001 // Cancelled is obsolete for frameworks to send, but the reporter must still read it.
    private static IEnumerable<TestCaseData> FinalStates()
    {
        yield return new TestCaseData(new PassedTestNodeStateProperty(), nameof(TrxOutcome.Passed)).SetArgDisplayNames("Passed");
        yield return new TestCaseData(new SkippedTestNodeStateProperty("why"), nameof(TrxOutcome.NotExecuted)).SetArgDisplayNames("Skipped");
        yield return new TestCaseData(new FailedTestNodeStateProperty("bad"), nameof(TrxOutcome.Failed)).SetArgDisplayNames("Failed");
        yield return new TestCaseData(new ErrorTestNodeStateProperty("broken"), nameof(TrxOutcome.Error)).SetArgDisplayNames("Error");
        yield return new TestCaseData(new TimeoutTestNodeStateProperty("slow"), nameof(TrxOutcome.Timeout)).SetArgDisplayNames("Timeout");
        yield return new TestCaseData(new CancelledTestNodeStateProperty("stopped"), nameof(TrxOutcome.Aborted)).SetArgDisplayNames("Cancelled");
    }
#pragma warning restore MTP0001

    [TestCaseSource(nameof(FinalStates))]
    public void Map_FinalState_GivesTrxOutcome(TestNodeStateProperty state, string expected)
    {
        var result = TrxResultMapper.Map(Node("Ns.Class.Method", state), "executor://x", Received, Guid.NewGuid());

        Assert.That(result?.Outcome.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void Map_InProgressOrDiscovered_GivesNull()
    {
        var inProgress = TrxResultMapper.Map(Node("Ns.Class.Method", InProgressTestNodeStateProperty.CachedInstance), "x", Received, Guid.NewGuid());
        var discovered = TrxResultMapper.Map(Node("Ns.Class.Method", DiscoveredTestNodeStateProperty.CachedInstance), "x", Received, Guid.NewGuid());

        Assert.Multiple(() =>
        {
            Assert.That(inProgress, Is.Null);
            Assert.That(discovered, Is.Null);
        });
    }

    [Test]
    public void Map_FailedWithException_TakesMessageAndStackTraceFromIt()
    {
        var error = Thrown();

        var result = TrxResultMapper.Map(Node("Ns.Class.Method", new FailedTestNodeStateProperty(error, "")), "x", Received, Guid.NewGuid())!;

        Assert.Multiple(() =>
        {
            Assert.That(result.ErrorMessage, Is.EqualTo("expected 2 but was 1"));
            Assert.That(result.StackTrace, Does.Contain(nameof(Thrown)));
        });
    }

    [Test]
    public void Map_FailedWithoutException_TakesMessageFromExplanation()
    {
        var result = TrxResultMapper.Map(Node("Ns.Class.Method", new FailedTestNodeStateProperty("status 500")), "x", Received, Guid.NewGuid())!;

        Assert.Multiple(() =>
        {
            Assert.That(result.ErrorMessage, Is.EqualTo("status 500"));
            Assert.That(result.StackTrace, Is.Null);
        });
    }

    [Test]
    public void Map_SkippedWithReason_KeepsReasonAsErrorMessage()
    {
        var result = TrxResultMapper.Map(Node("Ns.Class.Method", new SkippedTestNodeStateProperty("not today")), "x", Received, Guid.NewGuid())!;

        Assert.That(result.ErrorMessage, Is.EqualTo("not today"));
    }

    [Test]
    public void Map_TimingProperty_TakesItsTimes()
    {
        var timing = new TimingProperty(new TimingInfo(Start, Start.AddSeconds(2), TimeSpan.FromSeconds(2)));

        var result = TrxResultMapper.Map(Node("Ns.Class.Method", PassedTestNodeStateProperty.CachedInstance, timing), "x", Received, Guid.NewGuid())!;

        Assert.That((result.StartTime, result.EndTime, result.Duration), Is.EqualTo((Start, Start.AddSeconds(2), TimeSpan.FromSeconds(2))));
    }

    [Test]
    public void Map_NoTiming_UsesReceivedTimeAndZeroDuration()
    {
        var result = TrxResultMapper.Map(Node("Ns.Class.Method", PassedTestNodeStateProperty.CachedInstance), "x", Received, Guid.NewGuid())!;

        Assert.That((result.StartTime, result.EndTime, result.Duration), Is.EqualTo((Received, Received, TimeSpan.Zero)));
    }

    [Test]
    public void Map_MethodIdentifier_GivesClassAndMethodWithArguments()
    {
        var method = new TestMethodIdentifierProperty("Asm", "Ns", "Class", "Cases", 0, ["System.Int32"], "System.Void");

        var result = TrxResultMapper.Map(Node("Ns.Class.Cases(1)", PassedTestNodeStateProperty.CachedInstance, method), "x", Received, Guid.NewGuid())!;

        Assert.That((result.ClassName, result.MethodName, result.FullyQualifiedName), Is.EqualTo(("Ns.Class", "Cases(1)", "Ns.Class.Cases(1)")));
    }

    [Test]
    public void Map_NoMethodIdentifier_DerivesClassFromName()
    {
        var result = TrxResultMapper.Map(Node("Ns.Class.Cases(\"a.b\")", PassedTestNodeStateProperty.CachedInstance), "x", Received, Guid.NewGuid())!;

        Assert.That((result.ClassName, result.MethodName), Is.EqualTo(("Ns.Class", "Cases(\"a.b\")")));
    }

    [Test]
    public void Map_StandardOutputAndError_KeepsBoth()
    {
        var node = Node("Ns.Class.Method", PassedTestNodeStateProperty.CachedInstance, new StandardOutputProperty("out"), new StandardErrorProperty("err"));

        var result = TrxResultMapper.Map(node, "x", Received, Guid.NewGuid())!;

        Assert.That((result.StdOut, result.StdErr), Is.EqualTo(("out", "err")));
    }

    private static InvalidOperationException Thrown()
    {
        try
        {
            throw new InvalidOperationException("expected 2 but was 1");
        }
        catch (InvalidOperationException e)
        {
            return e;
        }
    }
}
