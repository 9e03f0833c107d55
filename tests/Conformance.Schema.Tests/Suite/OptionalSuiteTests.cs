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
    public static IEnumerable<TestCaseData> Cases() => SuiteAssert.Cases("OptionalSuite_Missing_Fails", "optional");

    [TestCaseSource(nameof(Cases))]
    public void OptionalSuite_Test_MatchesExpectedVerdict(SuiteCase? suiteCase) => SuiteAssert.MatchesExpectedVerdict(suiteCase);
}
