using Conformance.Contracts;
using Conformance.Tables;

namespace Conformance.Reporting.Scorecard;

/// <summary>Builds the scorecard from the packs, every row (run or not) and the case results.</summary>
public static class ScorecardBuilder
{
    /// <param name="previous">The previous run's verdicts (its scorecard.json), or null.</param>
    /// <param name="targets">What each API was probed against, by API, or null.</param>
    /// <param name="dryRun">True when nothing was sent: the previous verdicts stay the baseline, and nothing is compared.</param>
    /// <param name="invalid">The packs' invalid entries and unknown settings' cases, run or not: an entry a filtered run left out keeps its verdict, as a row does.</param>
    /// <param name="interactions">
    /// The pact interactions the suites hold, run or not: one a filtered run left out keeps its verdict too. Null when the run
    /// has no pact source (no <c>pact.*</c> settings): it cannot tell which interactions the pacts hold, so every previous
    /// interaction's verdict is kept, as not run this time.
    /// </param>
    public static RunScorecard Build(IReadOnlyList<ApiPack> packs, IReadOnlyList<StatusRow> rows, IReadOnlyList<CaseResult> results, Baseline? previous = null, IReadOnlyDictionary<string, string>? targets = null, bool dryRun = false, IEnumerable<InvalidEntry>? invalid = null, IEnumerable<PactInteraction>? interactions = null)
    {
        var names = ShownNames.Of(rows, results);
        var now = CaseVerdicts.Of(results, names);

        // A scorecard.json of the version before keeps verdicts by case name: matched where the name is complete.
        IReadOnlyDictionary<string, Verdict> baseline = previous?.Verdicts ?? new Dictionary<string, Verdict>();
        OlderBaseline? older = null;
        if (previous is { OlderKeys: true })
        {
            (baseline, older) = OlderKeys.Translate(previous.Verdicts, rows, results, names, invalid ?? [], interactions ?? []);
        }

        // The verdicts kept for the next run: this run's, plus the previous ones of rows, invalid entries and pact interactions
        // this run did not run (a filtered run, a dry run, a run without pact settings), so one such run never erases the
        // nightly baseline; those since removed are dropped. Those kept are marked as not run this time, and counted apart on their API's card.
        var kept = new SortedDictionary<string, Verdict>(StringComparer.Ordinal);
        foreach (var verdict in dryRun ? [] : now)
        {
            kept[verdict.Key] = verdict.Verdict;
        }

        var known = new SortedSet<string>(dryRun ? [] : now.Where(v => v.KnownIssue && v.Verdict == Verdict.Failed).Select(v => v.Key), StringComparer.Ordinal);
        var current = CaseVerdicts.Apis(rows, invalid ?? [], interactions ?? []);
        var notRun = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, verdict) in baseline)
        {
            if (!kept.ContainsKey(key) && (current.TryGetValue(key, out var api) || (interactions is null && CaseVerdicts.IsInteraction(key, out api))))
            {
                kept[key] = verdict;
                notRun[key] = api;
                if (previous?.KnownIssues?.Contains(key) == true)
                {
                    known.Add(key);
                }
            }
        }

        var notRunByApi = notRun.Values.CountBy(api => api, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        return new(packs.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => WithNotRun(ForApi(p, rows, results.Where(r => r.Api == p.Name).ToList(), names), notRunByApi.GetValueOrDefault(p.Name)) with { Target = targets?.GetValueOrDefault(p.Name) }).ToList())
        {
            Verdicts = kept,
            KnownIssues = [.. known],
            NotRunThisTime = [.. notRun.Keys],
            SincePrevious = previous is null || dryRun ? null : RunChanges.Between(baseline, now, older),
        };
    }

    private static ApiScorecard WithNotRun(ApiScorecard card, int notRun) => card with { Cases = card.Cases with { NotRunThisTime = notRun } };

    private static ApiScorecard ForApi(ApiPack pack, IReadOnlyList<StatusRow> allRows, List<CaseResult> results, ShownNames names)
    {
        var rows = allRows.Where(r => r.Api == pack.Name).Concat(results.Select(r => r.Row).OfType<StatusRow>())
            .DistinctBy(r => r.Id).ToList();
        var verdicts = results.Where(r => r.Row is not null).GroupBy(r => r.Row!.Id).ToDictionary(g => g.Key, g => g.Last().Verdict, StringComparer.Ordinal);

        // Every row and every response is resolved to its documented entry once and grouped; a scan of all rows and
        // responses per entry made the teardown of a 10,000-row run quadratic.
        var observed = results.SelectMany(r => Responses(r).Select(status => (Status: status, CaseName: names.Of(r), Entry: pack.Documented(status)))).ToList();
        var observedByEntry = observed.Where(o => o.Entry is not null).ToLookup(o => o.Entry!);
        var rowsByEntry = rows.SelectMany(r => r.Expected.Select(pack.Documented).OfType<DocumentedStatus>().Distinct().Select(d => (Entry: d, Row: r)))
            .ToLookup(x => x.Entry, x => x.Row);
        var lines = pack.Statuses.Select(documented =>
        {
            var probing = rowsByEntry[documented].ToList();
            return new StatusLine(
                documented.Pattern.ToString(),
                documented.Meaning,
                probing.Count,
                probing.Count(r => verdicts.TryGetValue(r.Id, out var v) && v == Verdict.Passed),
                probing.Count(r => verdicts.TryGetValue(r.Id, out var v) && v == Verdict.Failed),
                observedByEntry[documented].Count(),
                Unprovokable(pack, documented));
        }).ToList();
        var undocumented = observed.Where(o => o.Entry is null).GroupBy(o => o.Status).OrderBy(g => g.Key)
            .Select(g => new UndocumentedStatus(g.Key, g.Count(), g.Select(o => o.CaseName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .ToList();
        var counts = new VerdictCounts(results.Count, Count(results, Verdict.Passed), Count(results, Verdict.Failed), Count(results, Verdict.Broken), Count(results, Verdict.Skipped))
        {
            Known = results.Count(r => r.KnownIssue is not null),
        };
        return new ApiScorecard(pack.Name, pack.Title, pack.DocsUrl, counts, lines, undocumented) { Rows = rows.Count };
    }

    /// <summary>The status of every response a case saw: earlier steps, retried attempts and the final one.</summary>
    private static IEnumerable<int> Responses(CaseResult result)
    {
        var steps = (result.Exchange?.Earlier ?? []).Concat(result.Retried);
        if (result.Exchange is { } exchange)
        {
            steps = steps.Append(exchange.Final); // not a cleanup's: its status is the harness's own doing, not the API's behaviour under test
        }

        return steps.Select(s => s.Response).OfType<Probing.ProbeResponse>().Select(r => r.Status);
    }

    private static string? Unprovokable(ApiPack pack, DocumentedStatus documented)
    {
        var reasons = pack.Unprovokable.Where(u => pack.Documented(u.Key) == documented).OrderBy(u => u.Key).ToList();
        return reasons.Count switch
        {
            0 => null,
            1 when !documented.Pattern.IsClass => reasons[0].Value,
            _ => string.Join("; ", reasons.Select(u => $"{u.Key}: {u.Value}")),
        };
    }

    private static int Count(List<CaseResult> results, Verdict verdict) => results.Count(r => r.Verdict == verdict);
}
