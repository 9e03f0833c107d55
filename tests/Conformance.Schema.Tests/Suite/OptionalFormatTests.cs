using System.Globalization;

namespace Conformance.Schema.Tests.Suite;

/// <summary>Pass rate of the suite's optional/format tests with FormatAssertion on; held to the measured floor.</summary>
[TestFixture]
public sealed class OptionalFormatTests
{
    [TestCase("draft2020-12", 0.924)]
    [TestCase("draft2019-09", 0.923)]
    [TestCase("draft7", 0.914)]
    [TestCase("draft6", 0.981)]
    [TestCase("draft4", 0.986)]
    public void PassRate_FormatAssertion_StaysAboveFloor(string draft, double floor)
    {
        Assert.That(SuiteLocator.SuiteRoot(), Is.Not.Null, SuiteLocator.MissingMessage);
        var cases = SuiteCatalog.Cases(draft, "optional/format").ToList();
        var failed = cases.Where(c => SuiteCatalog.Run(c, formatAssertion: true) is not null).Select(c => c.Name).ToList();
        var passed = cases.Count - failed.Count;
        var rate = (double)passed / cases.Count;
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{draft} optional/format: {passed}/{cases.Count} passed ({rate:P2})"));
        foreach (var name in failed)
        {
            TestContext.Out.WriteLine("  FAIL " + name);
        }

        Assert.That(rate, Is.GreaterThanOrEqualTo(floor));
    }
}
