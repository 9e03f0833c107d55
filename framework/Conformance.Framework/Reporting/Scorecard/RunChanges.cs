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

    /// <summary>Set when the previous scorecard.json has the older keys (case names): what could be matched by them.</summary>
    public OlderBaseline? OlderKeys { get; init; }

    /// <param name="previous">The previous verdicts by key (under this version's keys).</param>
    /// <param name="now">This run's verdicts; a case that fails as a known issue (<c>known:</c>) keeps the run green, and says so.</param>
    /// <param name="older">What an older baseline matched; its cases not matched are neither compared nor new.</param>
    internal static RunChanges Between(IReadOnlyDictionary<string, Verdict> previous, IReadOnlyList<CaseVerdict> now, OlderBaseline? older = null)
    {
        var both = now.Where(v => previous.ContainsKey(v.Key))
            .Select(v => new CaseChange(v.Name, previous[v.Key], v.Verdict) { Key = v.Key, KnownIssue = v.KnownIssue }).ToList();
        return new RunChanges(
            both.Count,
            now.Count - both.Count - (older?.NotMatched ?? 0),
            Sorted(both.Where(IsFailing)),
            Sorted(both.Where(IsFixed)))
        {
            Other = Sorted(both.Where(c => c.Was != c.Now && !IsFailing(c) && !IsFixed(c))),
            OlderKeys = older,
        };
    }

    private static List<CaseChange> Sorted(IEnumerable<CaseChange> changes) =>
        [.. changes.OrderBy(c => c.Case, StringComparer.Ordinal).ThenBy(c => c.Key, StringComparer.Ordinal)];

    private static bool IsFailing(CaseChange c) => c.Was == Verdict.Passed && c.Now is Verdict.Failed or Verdict.Broken;

    private static bool IsFixed(CaseChange c) => c.Was is Verdict.Failed or Verdict.Broken && c.Now == Verdict.Passed;
}

/// <summary>One case whose verdict is compared: its name as the lists show it, and the key its verdicts are kept under.</summary>
public sealed record CaseChange(string Case, Verdict Was, Verdict Now)
{
    /// <summary>The key of <see cref="RunScorecard.Verdicts"/> the case is kept under (<see cref="CaseIdentity.Key"/>).</summary>
    public string Key { get; init; } = Case;

    /// <summary>True when the case fails now as a known issue (<c>known:</c>), which does not fail the run.</summary>
    public bool KnownIssue { get; init; }
}

/// <summary>
/// A previous scorecard.json written with the older keys (case names, <c>with:</c> values cut at 24 characters): how many
/// of this run's cases were matched by their full name, and how many were not (a cut or shared name).
/// </summary>
public sealed record OlderBaseline(int Matched, int NotMatched);
