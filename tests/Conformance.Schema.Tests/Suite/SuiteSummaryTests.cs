using System.Globalization;

namespace Conformance.Schema.Tests.Suite;

/// <summary>Pass rate per draft of the required suite files, printed and held to the targets.</summary>
[TestFixture]
public sealed class SuiteSummaryTests
{
    [TestCase("draft2020-12", 0.995)]
    [TestCase("draft2019-09", 0.995)]
    [TestCase("draft7", 0.995)]
    [TestCase("draft6", 0.99)]
    [TestCase("draft4", 0.99)]
    public void PassRate_RequiredTests_MeetsTarget(string draft, double target)
    {
        Assert.That(SuiteLocator.SuiteRoot(), Is.Not.Null, SuiteLocator.MissingMessage);
        var cases = SuiteCatalog.Cases(draft).ToList();
        var failed = cases.Where(c => SuiteCatalog.Run(c) is not null).Select(c => c.Name).ToList();
        var passed = cases.Count - failed.Count;
        var rate = (double)passed / cases.Count;
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{draft}: {passed}/{cases.Count} passed ({rate:P2})"));
        foreach (var name in failed)
        {
            TestContext.Out.WriteLine("  FAIL " + name);
        }

        Assert.That(rate, Is.GreaterThanOrEqualTo(target));
    }
}
