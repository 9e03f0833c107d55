namespace Conformance.Schema.Tests.Suite;

/// <summary>Every required test of the official JSON-Schema-Test-Suite, one NUnit case per test, named draft/file/case/test.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class JsonSchemaTestSuiteTests
{
    public static IEnumerable<TestCaseData> Cases()
    {
        if (SuiteLocator.SuiteRoot() is null)
        {
            yield return new TestCaseData(null!).SetName("JsonSchemaTestSuite_Missing_Fails");
            yield break;
        }

        foreach (var draft in SuiteCatalog.Drafts)
        {
            foreach (var suiteCase in SuiteCatalog.Cases(draft))
            {
                yield return new TestCaseData(suiteCase).SetName(suiteCase.Name);
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Suite_Test_MatchesExpectedVerdict(SuiteCase? suiteCase)
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
