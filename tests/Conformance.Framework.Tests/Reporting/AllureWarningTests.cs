using Conformance.Checks;
using Conformance.Reporting;
using Conformance.Reporting.Allure;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>A case that passed with a check at warning, as a QA reader finds it in Allure: its message and its tag.</summary>
public sealed class AllureWarningTests
{
    private const string Warned = "location_on_201_3xx: 308 (Permanent Redirect) without Location / Expected: a Location header with the redirect target URI / Received: no Location header";
    private static readonly Conformance.Tables.StatusRow Moved = Row("moved", "get_thing", "valid", 308);

    private static AllureResult Build(CaseResult result) => new AllureResultBuilder(Scope(Moved), "host1").Build(result, "7@host1.3").Result;

    private static CaseResult PassedWithWarning() => Result(
        Moved, Verdict.Passed,
        $"{Moved.CaseName}  [contracts/demo/tables/things.yaml(10,5)]\nWARNING {Warned}\nResponse: 308 Permanent Redirect, no Content-Type, 0 bytes\nReproduce: curl -i -X GET 'https://api.example.test/v1/things/42'",
        Step(308, string.Empty),
        [CheckResult.Pass("status_code_conformance", "Received 308 as expected."),
         new CheckResult("location_on_201_3xx", Outcome.Warning, "308 (Permanent Redirect) without Location / Expected: a Location header with the redirect target URI / Received: no Location header", [])]);

    [Test]
    public void Build_PassedWithAWarning_MessageListsTheWarningAndTraceKeepsTheWholeText()
    {
        var result = Build(PassedWithWarning());

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("passed"));
            Assert.That(result.StatusDetails?.Message, Is.EqualTo("WARNING " + Warned));
            Assert.That(result.StatusDetails?.Trace, Is.EqualTo(PassedWithWarning().Message));
            Assert.That(result.StatusDetails?.Flaky, Is.False);
        });
    }

    [Test]
    public void Build_PassedWithAWarning_TaggedWarning()
    {
        var tags = Build(PassedWithWarning()).Labels.Where(l => l.Name == "tag").Select(l => l.Value);

        Assert.That(tags, Is.EqualTo(new[] { "warning" }));
    }

    [Test]
    public void Build_CleanPass_NoStatusDetailsAndNoTag()
    {
        var result = Build(Passed(Moved, 308));

        Assert.Multiple(() =>
        {
            Assert.That(result.StatusDetails, Is.Null);
            Assert.That(result.Labels.Where(l => l.Name == "tag"), Is.Empty);
        });
    }
}
