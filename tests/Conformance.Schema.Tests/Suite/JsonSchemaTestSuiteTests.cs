namespace Conformance.Schema.Tests.Suite;

/// <summary>Every required test of the official JSON-Schema-Test-Suite, one NUnit case per test, named draft/file/case/test.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class JsonSchemaTestSuiteTests
{
    public static IEnumerable<TestCaseData> Cases() => SuiteAssert.Cases("JsonSchemaTestSuite_Missing_Fails");

    [TestCaseSource(nameof(Cases))]
    public void Suite_Test_MatchesExpectedVerdict(SuiteCase? suiteCase) => SuiteAssert.MatchesExpectedVerdict(suiteCase);
}
