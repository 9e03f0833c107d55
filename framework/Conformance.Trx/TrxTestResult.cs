namespace Conformance.Trx;

/// <summary>
/// One finished test, as the TRX document needs it: one <c>UnitTestResult</c>, one <c>TestEntry</c> and (per distinct
/// <see cref="FullyQualifiedName"/>) one <c>UnitTest</c> definition.
/// </summary>
/// <param name="ExecutionId">This result's own id (a test run twice has two).</param>
/// <param name="FullyQualifiedName">The test's stable identity (the test node uid); the TRX test id is derived from it.</param>
/// <param name="DisplayName">The name shown for the result (<c>testName</c>).</param>
/// <param name="ClassName">The test class, namespace included.</param>
/// <param name="MethodName">The test's name within its class, arguments included (<c>TestMethod/@name</c>).</param>
/// <param name="AdapterTypeName">The producing test framework (<c>TestMethod/@adapterTypeName</c>).</param>
/// <param name="Outcome">Passed, failed, skipped (not executed), error, timeout or aborted.</param>
/// <param name="StartTime">When the test started.</param>
/// <param name="EndTime">When the test ended.</param>
/// <param name="Duration">How long it ran.</param>
internal sealed record TrxTestResult(
    Guid ExecutionId,
    string FullyQualifiedName,
    string DisplayName,
    string ClassName,
    string MethodName,
    string AdapterTypeName,
    TrxOutcome Outcome,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    TimeSpan Duration)
{
    /// <summary>What the test wrote to standard output (for a skipped test, often the reason too).</summary>
    public string? StdOut { get; init; }

    /// <summary>What the test wrote to standard error.</summary>
    public string? StdErr { get; init; }

    /// <summary>The failure message, or the reason a test was skipped.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The failure's stack trace.</summary>
    public string? StackTrace { get; init; }

    /// <summary>The TRX test id: the same test keeps it across runs.</summary>
    public Guid TestId => TrxIds.ForTest(FullyQualifiedName);
}
