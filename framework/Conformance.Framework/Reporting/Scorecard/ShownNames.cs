using Conformance.Tables;

namespace Conformance.Reporting.Scorecard;

/// <summary>
/// How the scorecard names a case in its lists: its case name, or, where two rows share a name (their <c>with:</c>
/// values alike up to the 24th character, or alike but for other assertions), the name with the row's id,
/// <c>notes / get_note / valid -> 200 [get_note.valid.2]</c>, as the pact export names them. These were also the keys of
/// the verdicts in a scorecard.json of the version before (<see cref="OlderKeys"/>).
/// </summary>
internal sealed class ShownNames(IEnumerable<StatusRow> rows)
{
    private readonly HashSet<string> shared = rows.DistinctBy(r => (r.Api, r.Id)).GroupBy(r => r.CaseName, StringComparer.Ordinal)
        .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>The names over every row of the packs and the rows the results carry.</summary>
    public static ShownNames Of(IReadOnlyList<StatusRow> rows, IReadOnlyList<CaseResult> results) =>
        new(rows.Concat(results.Select(r => r.Row).OfType<StatusRow>()));

    public string Of(CaseResult result) => result.Row is { } row ? Of(row) : result.CaseName;

    public string Of(StatusRow row) => IsShared(row) ? $"{row.CaseName} [{row.Id}]" : row.CaseName;

    /// <summary>True when another row has the same case name.</summary>
    public bool IsShared(StatusRow row) => shared.Contains(row.CaseName);
}
