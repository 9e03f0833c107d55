using Conformance.Checks;
using Conformance.Probing;
using Conformance.Reporting;
using Conformance.Reporting.Allure;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>
/// Allure's <c>flaky</c> flag: a case whose attempts ended differently (a 429, then the answer judged), not one retried
/// into the same end every time (502, 502, 502: <c>Inconclusive: still 502 after 2 bounded retries</c>; a timeout retried
/// into a timeout), which failed alike each time and is not unstable.
/// </summary>
public sealed class AllureFlakyTests
{
    private static readonly Conformance.Tables.StatusRow Valid = Row("valid", "get_thing", "valid", 200);

    private static AllureStatusDetails? Details(CaseResult result) =>
        new AllureResultBuilder(Scope(Valid), "host1").Build(result, "7@host1.3").Result.StatusDetails;

    private static ProbeStep TimedOut() => new(Request(), null, new ProbeFailure("timeout", "No response within 10 s."));

    [Test]
    public void Build_RetriedIntoTheSameStatusEveryTime_NotFlaky()
    {
        var result = Result(Valid, Verdict.Broken, "Inconclusive: still 502 after 2 bounded retries", Step(502, "{}"), [], [Step(502, "{}"), Step(502, "{}")]);

        Assert.That(Details(result)!.Flaky, Is.False);
    }

    [Test]
    public void Build_TimeoutRetriedIntoATimeout_NotFlaky()
    {
        var result = Result(Valid, Verdict.Broken, "Target unreachable (timeout)", TimedOut(), [], [TimedOut()]);

        Assert.That(Details(result)!.Flaky, Is.False);
    }

    [Test]
    public void Build_RetriedThenAnotherAnswer_Flaky()
    {
        var result = Result(Valid, Verdict.Failed, "x", Step(500, "{}"), [CheckResult.Fail("status_code_conformance", "Status code mismatch / Expected: 200 / Received: 500")], [Step(503, "{}")]);

        Assert.That(Details(result)!.Flaky, Is.True);
    }

    [Test]
    public void Build_SetupRetriedThenTheProbeAnsweredAlike_Flaky()
    {
        var setup = Step(503, "{}") with { Label = "Setup (create_thing)" };
        var result = Result(Valid, Verdict.Broken, "Inconclusive: still 503", Step(503, "{}"), [], [setup]);

        Assert.That(Details(result)!.Flaky, Is.True);
    }
}
