using Conformance.Reporting;

namespace Conformance.Engine;

/// <summary>
/// A row marked <c>known:</c> tracks a non-conformance someone already filed. Its failure stays a failure in the
/// reports, marked as known, and the suites report it as a warning so the run stays green (its message says so in this
/// tool's terms, not NUnit's: Allure shows it failed and accepted, JUnit skipped); a pass means the issue no
/// longer reproduces, and fails the case until the marker is removed (a fix must not hide a later regression). When the
/// marker names the checks it covers, a failure of any other check is a plain failure: the known issue does not hide a
/// new one. Broken and skipped cases are left as they are: they say nothing about the issue.
/// </summary>
internal static class KnownIssue
{
    public const string KnownTitle = "Known issue: ";
    public const string FixedTitle = "Known issue no longer reproduces /";

    public const string ExpiredTitle = "Known issue expired /";

    /// <summary>
    /// As <see cref="Apply(CaseResult, string, IReadOnlyList{string})"/>, unless <paramref name="until"/> has passed: a
    /// failure then counts again, saying the tolerance ended (a pass still says to remove the marker).
    /// </summary>
    public static CaseResult Apply(CaseResult result, string known, IReadOnlyList<string> covered, DateOnly? until, DateOnly today) =>
        until is { } last && today > last && result.Verdict == Verdict.Failed
            ? result with
            {
                Message = $"{ExpiredTitle} Known: {known} / Tolerated until: {last:yyyy-MM-dd} / Now: still failing{Environment.NewLine}"
                    + $"Fix the API, or give the row at {result.Row?.Location} a new until: if the fix is planned later.{Environment.NewLine}{Environment.NewLine}{result.Message}",
            }
            : Apply(result, known, covered);

    public static CaseResult Apply(CaseResult result, string known, IReadOnlyList<string> covered)
    {
        var nl = Environment.NewLine;
        var failed = result.Failures.Select(c => c.CheckId).ToList();
        var others = covered.Count == 0 ? [] : failed.Where(id => !covered.Contains(id)).ToList();
        var still = failed.Count > others.Count;
        return result.Verdict switch
        {
            Verdict.Failed when others.Count > 0 => result with
            {
                Message = (still
                    ? $"Not only the known issue: {known} covers {string.Join(", ", covered)}; this row also fails {string.Join(", ", others)}."
                    : $"Not the known issue: {known} covers {string.Join(", ", covered)}, none of which fails now; this row fails {string.Join(", ", others)} instead.")
                    + $"{nl}{nl}{result.Message}",
            },
            Verdict.Failed => result with
            {
                KnownIssue = known,
                Message = $"{KnownTitle}{known}{nl}The table marks this failure as a known issue (known:): it is reported, and the run stays green.{nl}{nl}{result.Message}",
            },
            Verdict.Passed => result with
            {
                Verdict = Verdict.Failed,
                Message = $"{FixedTitle} Known: {known} / Now: every check passes{nl}"
                    + $"Remove 'known:' from the row at {result.Row?.Location} so that a regression fails the run again.",
            },
            _ => result,
        };
    }
}
