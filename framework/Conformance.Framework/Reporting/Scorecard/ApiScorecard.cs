namespace Conformance.Reporting.Scorecard;

/// <summary>The scorecard of a run: one card per API.</summary>
public sealed record RunScorecard(IReadOnlyList<ApiScorecard> Apis)
{
    /// <summary>What the keys of <see cref="Verdicts"/> are: <see cref="ScorecardJson.HistoryKeys"/>, the key Allure's history follows.</summary>
    public string VerdictKeys { get; init; } = ScorecardJson.HistoryKeys;

    /// <summary>
    /// Every case's verdict by its key (<see cref="CaseIdentity.Key"/>, the key Allure's history follows); the next run
    /// into the same folder compares against it.
    /// </summary>
    public IReadOnlyDictionary<string, Verdict> Verdicts { get; init; } = new Dictionary<string, Verdict>();

    /// <summary>
    /// The keys of <see cref="Verdicts"/> whose failure is a known issue (<c>known:</c>): reported, the run stayed green.
    /// A rerun of what failed (<c>--filter Category=last_failed</c>) leaves them out.
    /// </summary>
    public IReadOnlyList<string> KnownIssues { get; init; } = [];

    /// <summary>
    /// The keys of <see cref="Verdicts"/> this run did not run (left out by <c>--filter</c>, or a dry run): their verdicts are
    /// the previous run's, kept so that the next run compares every case. Empty when this run judged every case it keeps;
    /// a file written before it was kept has none.
    /// </summary>
    public IReadOnlyList<string> NotRunThisTime { get; init; } = [];

    /// <summary>What changed since the previous run into the same folder, or null when there is none to compare with.</summary>
    public RunChanges? SincePrevious { get; init; }

    /// <summary>True when nothing was sent (<c>conformance.dryRun</c>): every case is skipped.</summary>
    public bool DryRun { get; init; }
}

/// <summary>One API: the documented statuses against what the rows probed and the target answered, plus case counts.</summary>
public sealed record ApiScorecard(
    string Api,
    string Title,
    string? DocsUrl,
    VerdictCounts Cases,
    IReadOnlyList<StatusLine> Statuses,
    IReadOnlyList<UndocumentedStatus> Undocumented)
{
    /// <summary>What the API was probed against (its base URL, or the embedded reference API), or null when not known.</summary>
    public string? Target { get; init; }

    /// <summary>How many rows the API's tables hold, run or not.</summary>
    public int Rows { get; init; }
}

public sealed record VerdictCounts(int Total, int Passed, int Failed, int Broken, int Skipped)
{
    /// <summary>Failed cases whose failure the table marks as a known issue (<c>known:</c>); counted in <see cref="Failed"/>.</summary>
    public int Known { get; init; }

    /// <summary>
    /// The API's cases this run did not run whose previous verdicts the scorecard keeps (<see cref="RunScorecard.NotRunThisTime"/>);
    /// not counted in <see cref="Total"/>, which is this run's.
    /// </summary>
    public int NotRunThisTime { get; init; }
}

/// <summary>
/// One documented status (code or class). A row probes it when it expects a code that the entry documents; it is honored
/// when every such row passed; observed counts responses whose code this entry documents (most specific entry wins).
/// </summary>
public sealed record StatusLine(
    string Status,
    string Meaning,
    int ProbedBy,
    int RowsPassed,
    int RowsFailed,
    int Observed,
    string? Unprovokable)
{
    public Honored Honored => ProbedBy == 0 ? Honored.NotProbed
        : RowsFailed > 0 ? Honored.No
        : RowsPassed == ProbedBy ? Honored.Yes
        : RowsPassed == 0 ? Honored.NotRun
        : Honored.Partly;
}

public enum Honored
{
    NotProbed,
    Yes,
    No,
    Partly,
    NotRun,
}

/// <summary>A status the target answered that the documentation does not list, with the cases that saw it.</summary>
public sealed record UndocumentedStatus(int Status, int Count, IReadOnlyList<string> Cases);
