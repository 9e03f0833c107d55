using Conformance.Checks;
using static Conformance.Framework.Tests.Checks.CheckFixture;

namespace Conformance.Framework.Tests.Checks;

public sealed class ResponseTimeCheckTests
{
    private static CheckResult Judge(int? packLimit, int? rowLimit, double tookMs)
    {
        var row = Row([200]) with { MaxResponseMs = rowLimit };
        var context = Context(row, 200);
        context = context with
        {
            Pack = context.Pack with { MaxResponseMs = packLimit },
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
    public void Evaluate_NoLimitAnywhere_NotApplicable() =>
        Assert.That(Judge(null, null, 99_999).Outcome, Is.EqualTo(Outcome.NotApplicable));
}
