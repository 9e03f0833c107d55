namespace Conformance.Schema.Tests.Suite;

/// <summary>
/// The suite's optional tests outside optional/format (bignum, float-overflow, ecmascript-regex, non-bmp-regex, ...):
/// behaviour the specification leaves to the implementation, held to the same verdicts as the required files, each
/// known exception listed with its reason in known-failures.txt.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class OptionalSuiteTests
{
    public static IEnumerable<TestCaseData> Cases()
    {
        if (SuiteLocator.SuiteRoot() is null)
        {
            yield return new TestCaseData(null!).SetName("OptionalSuite_Missing_Fails");
            yield break;
        }

        foreach (var draft in SuiteCatalog.Drafts)
        {
            foreach (var suiteCase in SuiteCatalog.Cases(draft, "optional"))
            {
                yield return new TestCaseData(suiteCase).SetName(suiteCase.Name);
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void OptionalSuite_Test_MatchesExpectedVerdict(SuiteCase? suiteCase)
    {
        if (suiteCase is null)
        {
            Assert.Fail(SuiteLocator.MissingMessage);
            return;
        }

        var mismatch = SuiteCatalog.Run(suiteCase);
        if (KnownFailures.TryGet(suiteCase.Name, out var reason))
        {
            Assert.That(mismatch, Is.Not.Null, $"known failure now passes; remove it from known-failures.txt ({reason})");
            return;
        }

        Assert.That(mismatch, Is.Null, suiteCase.Name);
    }
}
