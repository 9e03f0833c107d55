using Conformance.Tables;

namespace Conformance.Reporting.Scorecard;

/// <summary>
/// The verdicts of a scorecard.json written by the version before (no <c>verdictKeys</c>), under this version's keys. That
/// version kept a case under the name the lists show (<see cref="ShownNames"/>): its <c>with:</c> values cut at 24
/// characters, and, where two rows shared a name, their row id, a place. A case whose name shows all that tells it
/// apart (not shared, no value cut) takes the verdict kept under that name; a cut or shared name cannot be matched
/// reliably (the value may have changed after its 24th character, the two rows may have been swapped), so that case is
/// not compared this once and starts from this run, and the scorecard says so (<see cref="OlderBaseline"/>). An invalid
/// entry, an unknown setting's case and a pact interaction were kept under their case name, which is complete.
/// </summary>
internal static class OlderKeys
{
    /// <param name="invalid">The invalid entries and unknown settings' cases, run or not: a filtered run keeps the verdicts of those it left out.</param>
    /// <param name="interactions">The pact interactions, run or not, likewise.</param>
    public static (Dictionary<string, Verdict> Verdicts, OlderBaseline Note) Translate(
        IReadOnlyDictionary<string, Verdict> older, IReadOnlyList<StatusRow> rows, IReadOnlyList<CaseResult> results, ShownNames names, IEnumerable<InvalidEntry> invalid, IEnumerable<PactInteraction> interactions)
    {
        var cases = rows.Concat(results.Select(r => r.Row).OfType<StatusRow>())
            .Select(r => (CaseIdentity.For(r).Key, Name: names.Of(r), Complete: !names.IsShared(r) && r.NameShowsArguments))
            .Concat(results.Where(r => r.Row is null).Select(r => (CaseIdentity.For(r).Key, Name: r.CaseName, Complete: true)))
            .Concat(invalid.Select(e => (CaseIdentity.For(e).Key, Name: e.CaseName, Complete: true)))
            .Concat(interactions.Select(i => (CaseIdentity.For(i).Key, i.Name, Complete: true)));
        var verdicts = new Dictionary<string, Verdict>(StringComparer.Ordinal);
        var unmatched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, name, complete) in cases)
        {
            if (!older.TryGetValue(name, out var verdict))
            {
                continue;
            }

            if (complete)
            {
                verdicts[key] = verdict;
            }
            else
            {
                unmatched.Add(key);
            }
        }

        var ran = results.Select(r => CaseIdentity.For(r).Key).ToHashSet(StringComparer.Ordinal);
        return (verdicts, new OlderBaseline(ran.Count(verdicts.ContainsKey), ran.Count(unmatched.Contains)));
    }
}
