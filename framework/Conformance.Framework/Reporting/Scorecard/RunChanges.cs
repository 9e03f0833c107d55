namespace Conformance.Reporting.Scorecard;

/// <summary>
/// What changed since the previous run into the same folder, over the cases both runs have (a filtered run compares
/// only what it ran): newly failing (passed then, failed or broken now), fixed (failed or broken then, passed now), and
/// every other verdict that changed (skipped then, passed now: a run with allowMutation after one without).
/// </summary>
public sealed record RunChanges(int Compared, int New, IReadOnlyList<CaseChange> NewlyFailing, IReadOnlyList<CaseChange> Fixed)
{
    /// <summary>The verdicts that changed otherwise (skipped -> passed, failed -> broken, ...).</summary>
    public IReadOnlyList<CaseChange> Other { get; init; } = [];

    /// <param name="knownIssues">The cases that fail now as a known issue (<c>known:</c>): the run stays green for them.</param>
    public static RunChanges Between(IReadOnlyDictionary<string, Verdict> previous, IReadOnlyDictionary<string, Verdict> now, IReadOnlySet<string>? knownIssues = null)
    {
        var both = now.Where(kv => previous.ContainsKey(kv.Key))
            .Select(kv => new CaseChange(kv.Key, previous[kv.Key], kv.Value) { KnownIssue = knownIssues?.Contains(kv.Key) == true }).ToList();
        return new RunChanges(
            both.Count,
            now.Count - both.Count,
            both.Where(IsFailing).OrderBy(c => c.Case, StringComparer.Ordinal).ToList(),
            both.Where(IsFixed).OrderBy(c => c.Case, StringComparer.Ordinal).ToList())
        {
            Other = both.Where(c => c.Was != c.Now && !IsFailing(c) && !IsFixed(c)).OrderBy(c => c.Case, StringComparer.Ordinal).ToList(),
        };
    }

    private static bool IsFailing(CaseChange c) => c.Was == Verdict.Passed && c.Now is Verdict.Failed or Verdict.Broken;

    private static bool IsFixed(CaseChange c) => c.Was is Verdict.Failed or Verdict.Broken && c.Now == Verdict.Passed;
}

public sealed record CaseChange(string Case, Verdict Was, Verdict Now)
{
    /// <summary>True when the case fails now as a known issue (<c>known:</c>), which does not fail the run.</summary>
    public bool KnownIssue { get; init; }
}
