namespace Conformance.Schema.Tests.Suite;

/// <summary>What the suite fixtures share: one NUnit case per suite test, and the verdict check with known failures.</summary>
internal static class SuiteAssert
{
    /// <summary>Every test of the required files (or of <paramref name="subfolder"/>) of every draft; one failing case when the suite is missing.</summary>
    public static IEnumerable<TestCaseData> Cases(string missingName, string? subfolder = null)
    {
        if (SuiteLocator.SuiteRoot() is null)
        {
            yield return new TestCaseData(null!).SetName(missingName);
            yield break;
        }

        foreach (var draft in SuiteCatalog.Drafts)
        {
            foreach (var suiteCase in SuiteCatalog.Cases(draft, subfolder))
            {
                yield return new TestCaseData(suiteCase).SetName(suiteCase.Name);
            }
        }
    }

    /// <summary>The case's verdict matches the suite's; a case in known-failures.txt must still fail.</summary>
    public static void MatchesExpectedVerdict(SuiteCase? suiteCase)
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
