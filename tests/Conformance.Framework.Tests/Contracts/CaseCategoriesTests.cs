using Conformance.Checks;
using Conformance.Diagnostics;
using Conformance.Reporting.Scorecard;
using Conformance.Tables;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Contracts;

/// <summary>
/// Which check ids are filter categories (<c>--filter Category=&lt;check id&gt;</c>): those a row is given at discovery, and
/// no other, so a tag's CT0122 tells the truth about what a filter on it would select.
/// </summary>
public sealed class CaseCategoriesTests
{
    private static readonly SourceLocation At = new("contracts/demo/tables/things.yaml", 10, 5);

    [Test]
    public void CheckIdOnly_RowAssertingBodyAndHeaders_TrueExactlyForTheCheckIdsTheRowIsNotGiven()
    {
        var row = Row("get_thing.valid.1", "get_thing", "valid", 200) with
        {
            Body = [new BodyAssertion("/id", BodyRule.EqualTo, [7], null, At)],
            Headers = [new HeaderAssertion("Retry-After", HeaderRule.Present, null, null, At)],
        };

        var categories = CaseCategories.Of(row, LastFailed.None).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(CheckCatalog.Ids.Where(id => !CaseCategories.CheckIdOnly(id)), Is.EqualTo(CheckCatalog.Ids.Where(categories.Contains)));
            Assert.That(CheckCatalog.Ids.Where(id => !CaseCategories.CheckIdOnly(id)), Is.EqualTo(new[] { "status_code_conformance", "body_value_conformance", "header_conformance" }));
        });
    }

    [Test]
    public void BuiltIn_EveryCheckId_Reserved()
    {
        Assert.That(CheckCatalog.Ids.Where(id => CaseCategories.BuiltIn(id) is null), Is.Empty);
    }
}
