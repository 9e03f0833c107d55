using Conformance.Tables;

namespace Conformance.Reporting.Scorecard;

/// <summary>
/// The key a case's verdict is kept under from one run to the next: its name, which stays put when rows are added or
/// moved, and, where two rows share a name (same operation, scenario and status, other assertions), the name with the
/// row's id, <c>notes / get_note / valid -> 200 [get_note.valid.2]</c>, as the pact export names them.
/// </summary>
internal static class CaseVerdicts
{
    public static SortedDictionary<string, Verdict> Of(IReadOnlyList<CaseResult> results, IReadOnlyList<StatusRow> rows)
    {
        var shared = Shared(rows.Concat(results.Select(r => r.Row).OfType<StatusRow>()));
        var verdicts = new SortedDictionary<string, Verdict>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            verdicts[Key(result, shared)] = result.Verdict;
        }

        return verdicts;
    }

    /// <summary>The keys of the cases that failed as a known issue (<c>known:</c>) in this run.</summary>
    public static HashSet<string> KnownIssues(IReadOnlyList<CaseResult> results, IReadOnlyList<StatusRow> rows)
    {
        var shared = Shared(rows.Concat(results.Select(r => r.Row).OfType<StatusRow>()));
        return results.Where(r => r.KnownIssue is not null).Select(r => Key(r, shared)).ToHashSet(StringComparer.Ordinal);
    }

    private static string Key(CaseResult result, HashSet<string> shared) =>
        result.Row is { } row && shared.Contains(row.CaseName) ? Unique(row) : result.CaseName;

    /// <summary>The keys every row of the packs has, run or not.</summary>
    public static HashSet<string> Keys(IReadOnlyList<StatusRow> rows)
    {
        var shared = Shared(rows);
        return rows.Select(r => shared.Contains(r.CaseName) ? Unique(r) : r.CaseName).ToHashSet(StringComparer.Ordinal);
    }

    private static string Unique(StatusRow row) => $"{row.CaseName} [{row.Id}]";

    private static HashSet<string> Shared(IEnumerable<StatusRow> rows) =>
        rows.DistinctBy(r => (r.Api, r.Id)).GroupBy(r => r.CaseName, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
}
