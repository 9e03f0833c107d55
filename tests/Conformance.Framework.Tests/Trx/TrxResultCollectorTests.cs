using Conformance.Trx;
using Microsoft.Testing.Platform.Extensions.Messages;
using static Conformance.Framework.Tests.Trx.TrxSamples;

namespace Conformance.Framework.Tests.Trx;

public sealed class TrxResultCollectorTests
{
    [Test]
    public async Task Add_ThousandFinalUpdatesFromEightThreads_KeepsEveryOne()
    {
        var collector = new TrxResultCollector(new ManualTime(Start));
        using var go = new ManualResetEventSlim();

        var threads = Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            go.Wait();
            for (var i = t; i < 1000; i += 8)
            {
                collector.Add(Node($"Ns.Class.Case({i})", PassedTestNodeStateProperty.CachedInstance), "executor://x");
            }
        })).ToArray();
        go.Set();
        await Task.WhenAll(threads);

        var results = collector.Results;
        Assert.Multiple(() =>
        {
            Assert.That(results, Has.Count.EqualTo(1000));
            Assert.That(results.Select(r => r.FullyQualifiedName).Distinct().Count(), Is.EqualTo(1000));
            Assert.That(results.Select(r => r.ExecutionId).Distinct().Count(), Is.EqualTo(1000));
        });
    }

    [Test]
    public void Add_InProgressThenPassed_KeepsOnlyTheFinalOne()
    {
        var collector = new TrxResultCollector(new ManualTime(Start));

        var inProgress = collector.Add(Node("Ns.Class.Method", InProgressTestNodeStateProperty.CachedInstance), "x");
        var passed = collector.Add(Node("Ns.Class.Method", PassedTestNodeStateProperty.CachedInstance), "x");

        Assert.That((inProgress, passed, collector.Results.Single().Outcome), Is.EqualTo((false, true, TrxOutcome.Passed)));
    }
}
