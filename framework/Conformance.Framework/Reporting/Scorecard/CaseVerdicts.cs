using Conformance.Tables;

namespace Conformance.Reporting.Scorecard;

/// <summary>One case's verdict under the key it is kept by from one run to the next, with the name the lists show.</summary>
internal sealed record CaseVerdict(string Key, string Name, Verdict Verdict, bool KnownIssue);

/// <summary>
/// The verdicts a run keeps for the next, each under its case's <see cref="CaseIdentity.Key"/>: the key Allure's history
/// follows (api, operation, scenario, the row's history key, the expected status), so a case the report shows as new is
/// new in the scorecard too, and two rows are never one.
/// </summary>
internal static class CaseVerdicts
{
    /// <summary>This run's verdicts; a case run twice (same key) keeps its last.</summary>
    public static List<CaseVerdict> Of(IReadOnlyList<CaseResult> results, ShownNames names) =>
        [.. results.Select(r => new CaseVerdict(CaseIdentity.For(r).Key, names.Of(r), r.Verdict, r.KnownIssue is not null))
            .GroupBy(v => v.Key, StringComparer.Ordinal).Select(g => g.Last())];

    /// <summary>
    /// The key of every case the run holds, run or not (each row of the packs, invalid entry, unknown setting's case and
    /// pact interaction), with the API whose card counts it (<c>pact</c> for an interaction, <c>settings</c> for a setting).
    /// </summary>
    public static Dictionary<string, string> Apis(IReadOnlyList<StatusRow> rows, IEnumerable<InvalidEntry> invalid, IEnumerable<PactInteraction> interactions)
    {
        var apis = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            apis[CaseIdentity.For(row).Key] = row.Api;
        }

        foreach (var entry in invalid)
        {
            apis[CaseIdentity.For(entry).Key] = entry.Api;
        }

        foreach (var interaction in interactions)
        {
            apis[CaseIdentity.For(interaction).Key] = CaseIdentity.PactApi;
        }

        return apis;
    }

    /// <summary>True when the key is a pact interaction's (<see cref="CaseIdentity.For(PactInteraction)"/>), with the API whose card counts it.</summary>
    public static bool IsInteraction(string key, out string api)
    {
        api = CaseIdentity.PactApi;
        return key.StartsWith(CaseIdentity.PactApi + "/", StringComparison.Ordinal) && key.Contains("/interaction -> as in the pact #", StringComparison.Ordinal);
    }
}
