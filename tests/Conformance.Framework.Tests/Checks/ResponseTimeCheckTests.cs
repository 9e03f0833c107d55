using Conformance.Checks;
using Conformance.Contracts;
using static Conformance.Framework.Tests.Checks.CheckFixture;

namespace Conformance.Framework.Tests.Checks;

public sealed class ResponseTimeCheckTests
{
    private static CheckResult Judge(int? packLimit, int? rowLimit, double tookMs, int? operationLimit = null)
    {
        var row = Row([200]) with { MaxResponseMs = rowLimit };
        var context = Context(row, 200);
        var operation = new Operation("get_thing", "GET", "/things/{id}", new Dictionary<string, string> { ["id"] = "1" }, [], new Dictionary<string, string>(), null, null, false, new Conformance.Diagnostics.SourceLocation("contracts/demo/api.yaml", 9, 3)) { MaxResponseMs = operationLimit };
        context = context with
        {
            Pack = context.Pack with { MaxResponseMs = packLimit, Operations = new Dictionary<string, Operation> { ["get_thing"] = operation } },
            Response = context.Response with { Elapsed = TimeSpan.FromMilliseconds(tookMs) },
        };
        return Run(Check("response_time"), context);
    }

    [Test]
    public void Evaluate_SlowerThanThePacksLimit_FailsNamingBothTimes() =>
        Assert.That(Judge(2000, null, 2345.2), Has.Property(nameof(CheckResult.Outcome)).EqualTo(Outcome.Failed)
            .And.Property(nameof(CheckResult.Message)).EqualTo("Response too slow / Expected: within 2000 ms (api.yaml maxResponseMs) / Received: after 2346 ms"));

    [Test]
    public void Evaluate_WithinThePacksLimit_Passes() =>
        Assert.That(Judge(2000, null, 2000), Has.Property(nameof(CheckResult.Outcome)).EqualTo(Outcome.Passed)
            .And.Property(nameof(CheckResult.Message)).EqualTo("Answered in 2000 ms, within 2000 ms."));

    [Test]
    public void Evaluate_RowLimitStricterThanThePacks_RowWins() =>
        Assert.That(Judge(2000, 100, 150).Message, Is.EqualTo("Response too slow / Expected: within 100 ms (the row's maxResponseMs) / Received: after 150 ms"));

    [Test]
    public void Evaluate_RowLimitLooserThanThePacks_RowWins() =>
        Assert.That(Judge(100, 5000, 150).Outcome, Is.EqualTo(Outcome.Passed));

    [Test]
    public void Evaluate_OperationLimit_BetweenThePacksAndTheRows() =>
        Assert.Multiple(() =>
        {
            Assert.That(Judge(5000, null, 800, operationLimit: 500).Message, Is.EqualTo("Response too slow / Expected: within 500 ms (operation get_thing's maxResponseMs) / Received: after 800 ms"));
            Assert.That(Judge(5000, 1000, 800, operationLimit: 500).Outcome, Is.EqualTo(Outcome.Passed), "the row's limit wins over its operation's");
        });

    [Test]
    public void Evaluate_NoLimitAnywhere_NotApplicable() =>
        Assert.That(Judge(null, null, 99_999).Outcome, Is.EqualTo(Outcome.NotApplicable));
}
