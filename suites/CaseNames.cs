namespace Conformance.Suites;

/// <summary>
/// NUnit reads a case name as a pattern: <c>{c}</c>, <c>{m}</c>, <c>{a}</c>, <c>{0}</c> and the like are replaced, and
/// there is no escape. A name with a brace is therefore given as <c>{0}</c>, the case's one argument, whose text
/// (<c>ToString</c>) is then the name itself: a pact description or a row value such as <c>{c}</c> is shown as written.
/// </summary>
internal static class CaseNames
{
    /// <param name="named">The key again, its text set to the name (used only for a name with a brace).</param>
    public static TestCaseData Case<TKey>(TKey key, string name, Func<TKey, string, TKey> named)
        where TKey : notnull =>
        name.Contains('{', StringComparison.Ordinal)
            ? new TestCaseData(named(key, name)).SetName("{0}")
            : new TestCaseData(key).SetName(name);
}
