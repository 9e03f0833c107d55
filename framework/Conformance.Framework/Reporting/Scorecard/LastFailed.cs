using Conformance.Reporting.Allure;
using Conformance.Tables;

namespace Conformance.Reporting.Scorecard;

/// <summary>
/// The cases (rows, invalid entries, unknown settings' cases, pact interactions and sources) that failed or broke in the previous run,
/// read once at discovery from the scorecard.json the last finished run wrote (where this run writes its own,
/// <see cref="ReportLocation"/>): each gets the category <see cref="Category"/>,
/// so <c>--filter Category=last_failed</c> runs only them. A known issue still failing (<c>known:</c>, the run stayed
/// green) is not one. No scorecard, no such case; one that cannot be read, no such case and a <see cref="Problem"/>.
/// </summary>
public sealed class LastFailed
{
    /// <summary>The built-in category (a pack tag may not take it, CT0122).</summary>
    public const string Category = "last_failed";

    private static readonly string SourcePrefix = $"{CaseIdentity.PactApi}/{PactInteraction.SourceProvider}/";

    private readonly IReadOnlyDictionary<string, Verdict> verdicts;
    private readonly IReadOnlySet<string>? known;

    /// <summary>True when a pact source's case failed or broke: what it held was not verified.</summary>
    private readonly bool sourceBroke;

    private LastFailed(IReadOnlyDictionary<string, Verdict> verdicts, IReadOnlySet<string>? known, string? problem)
    {
        this.verdicts = verdicts;
        this.known = known;
        Problem = problem;
        sourceBroke = verdicts.Any(v => v.Key.StartsWith(SourcePrefix, StringComparison.Ordinal) && v.Value is Verdict.Failed or Verdict.Broken);
    }

    /// <summary>No previous run: no case has the category.</summary>
    public static LastFailed None { get; } = new(new Dictionary<string, Verdict>(), null, null);

    /// <summary>Why the previous scorecard.json gave no verdicts although it is there (not valid JSON, ...), or null.</summary>
    public string? Problem { get; }

    /// <summary>
    /// The previous run's verdicts from <c>scorecard.json</c> in the scorecard folder, else (a run killed before its end
    /// set it aside) in the Allure results' <c>.discarded</c> folder, as the next scorecard reads its baseline.
    /// </summary>
    /// <param name="rows">Every row of the packs: a scorecard keyed by case names (the version before) is matched by them.</param>
    public static LastFailed Read(ReportLocation location, IReadOnlyList<StatusRow> rows)
    {
        var (path, baseline, problem) = (string.Empty, (Baseline?)null, (string?)null);
        foreach (var candidate in location.PreviousScorecards())
        {
            path = candidate;
            (baseline, problem) = ScorecardJson.Read(path);
            if (baseline is not null || problem is not null)
            {
                break; // the first one there, read or not
            }
        }

        if (baseline is null)
        {
            return problem is null ? None : new(new Dictionary<string, Verdict>(), null, Warning(path, problem));
        }

        if (!baseline.OlderKeys)
        {
            return new(baseline.Verdicts, baseline.KnownIssues, null);
        }

        var (translated, _) = OlderKeys.Translate(baseline.Verdicts, rows, [], ShownNames.Of(rows, []), [], []);
        foreach (var (name, verdict) in baseline.Verdicts.Where(v => v.Key.EndsWith(" (invalid)", StringComparison.Ordinal) || v.Key.StartsWith("pact / ", StringComparison.Ordinal)))
        {
            translated[name] = verdict; // an invalid entry's or interaction's older key is its case name, which Has also looks up
        }

        return new(translated, null, null);
    }

    /// <summary>True when the row failed or broke in the previous run, and was not a known issue.</summary>
    public bool Has(StatusRow row) => verdicts.Count > 0 && Failed(CaseIdentity.For(row).Key, row.Known is not null);

    /// <summary>True when the invalid entry's case failed or broke in the previous run (an invalid entry breaks every run until fixed).</summary>
    public bool Has(InvalidEntry entry) => Broke(CaseIdentity.For(entry), entry.CaseName);

    /// <summary>
    /// True when the pact interaction (or pact source's case) failed or broke in the previous run (a pending pact's failure
    /// is skipped, not failed), or has no verdict there while a pact source's case failed or broke: the interaction of a pact
    /// file fixed since could not be verified then.
    /// </summary>
    public bool Has(PactInteraction interaction)
    {
        var identity = CaseIdentity.For(interaction);
        return Broke(identity, interaction.Name)
            || (sourceBroke && !interaction.IsSource && !verdicts.ContainsKey(identity.Key) && !verdicts.ContainsKey(interaction.Name));
    }

    /// <summary>A case never marked <c>known:</c>, under its key or, in an older file, its case name.</summary>
    private bool Broke(CaseIdentity identity, string caseName) =>
        verdicts.Count > 0 && (Failed(identity.Key, knownIssue: false) || Failed(caseName, knownIssue: false));

    /// <param name="knownIssue">Whether the row is marked <c>known:</c>, which decides when the file does not say which failures were known issues.</param>
    private bool Failed(string key, bool knownIssue) =>
        verdicts.TryGetValue(key, out var verdict) && verdict is Verdict.Failed or Verdict.Broken
        && !(verdict == Verdict.Failed && (known?.Contains(key) ?? knownIssue));

    private static string Warning(string path, string problem) =>
        $"The previous run's scorecard was not read ({path}): {problem}. No case of the packs is in the category {Category} this run, so --filter Category={Category} runs none of them. "
        + "Fix: delete the file, or put back the scorecard.json of a run that finished; each finished run writes a new one.";
}
