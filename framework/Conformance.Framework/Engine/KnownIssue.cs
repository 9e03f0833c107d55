using Conformance.Reporting;

namespace Conformance.Engine;

/// <summary>
/// A row marked <c>known: "API-123: ..."</c> tracks a non-conformance someone already filed. Its failure stays a
/// failure in the reports, marked as known, and the suites report it as a warning so the run stays green; a pass
/// means the issue no longer reproduces, and fails the case until the marker is removed (a fix must not hide a later
/// regression). Broken and skipped cases are left as they are: they say nothing about the issue.
/// </summary>
internal static class KnownIssue
{
    public const string KnownTitle = "Known issue: ";
    public const string FixedTitle = "Known issue no longer reproduces /";

    public static CaseResult Apply(CaseResult result, string known) => result.Verdict switch
    {
        Verdict.Failed => result with
        {
            KnownIssue = known,
            Message = $"{KnownTitle}{known}{Environment.NewLine}The table marks this failure as known (known:), so it is reported as a warning.{Environment.NewLine}{Environment.NewLine}{result.Message}",
        },
        Verdict.Passed => result with
        {
            Verdict = Verdict.Failed,
            Message = $"{FixedTitle} Known: {known} / Now: every check passes{Environment.NewLine}"
                + $"Remove 'known:' from the row at {result.Row?.Location} so that a regression fails the run again.",
        },
        _ => result,
    };
}
