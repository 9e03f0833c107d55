using Conformance.Reporting;
using Conformance.Tables;
using static Conformance.Framework.Tests.Engine.EngineHarness;

namespace Conformance.Framework.Tests.Engine;

/// <summary><c>maxResponseMs</c> on a row of the demo pack, against the demo server answering late and promptly.</summary>
public sealed class ResponseTimeRunTests
{
    private static StatusRow Valid(int limit) => Demo.Rows.Single(r => r.CaseName == "demo / get_thing / valid -> 200") with { MaxResponseMs = limit };

    [Test]
    public async Task RunAsync_AnswerLaterThanTheLimit_FailsOnResponseTimeOnly()
    {
        await using var server = await DemoServer.StartAsync(new DemoFaults { Delay = TimeSpan.FromMilliseconds(400) });

        var result = await RunRowAsync(server.BaseUri, Valid(100));

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Failed));
            Assert.That(result.Failures.Select(c => c.CheckId), Is.EqualTo(new[] { "response_time" }));
            Assert.That(result.Message, Does.Contain("Response too slow / Expected: within 100 ms (the row's maxResponseMs) / Received: after "));
        });
    }

    [Test]
    public async Task RunAsync_PromptAnswer_PassesWithTheCheckApplied()
    {
        await using var server = await DemoServer.StartAsync();

        var result = await RunRowAsync(server.BaseUri, Valid(8000));

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
            Assert.That(result.Checks.Single(c => c.CheckId == "response_time").Outcome, Is.EqualTo(Conformance.Checks.Outcome.Passed));
        });
    }
}
