using System.Globalization;
using System.Text;

namespace Conformance.Reporting.Scorecard;

/// <summary><c>scorecard.md</c>: per API, the documented statuses x probed / honored / observed / unprovokable, then undocumented ones.</summary>
public static class ScorecardMarkdown
{
    public static string Render(RunScorecard card) => Render(card, verdictsFirst: false);

    /// <summary>
    /// The card; with <paramref name="verdictsFirst"/> the matrix reads Status, Probed, Honored, Observed, then Meaning and
    /// Unprovokable, for a view that keeps each cell on one line (Allure 3's markdown view scrolls a wide table sideways): a
    /// pack's meaning, often a sentence or a paragraph, put every verdict out of sight there.
    /// </summary>
    internal static string Render(RunScorecard card, bool verdictsFirst)
    {
        var text = new StringBuilder("# Conformance scorecard\n");
        if (card.DryRun)
        {
            text.Append("\nDry run (conformance.dryRun=true): nothing was sent; every case is skipped with the request it would send.\n");
        }

        if (card.NotRunThisTime.Count > 0)
        {
            text.Append("\nNot run this time: ").Append(N(card.NotRunThisTime.Count))
                .Append(" case(s), whose verdicts scorecard.json keeps from the previous run (listed under notRunThisTime); every count below is this run's.\n");
        }

        if (card.SincePrevious is { } changes)
        {
            Render(changes, text);
        }

        foreach (var api in card.Apis)
        {
            Render(api, text, verdictsFirst);
        }

        return text.ToString();
    }

    public static string HonoredText(StatusLine line) => line.Honored switch
    {
        Honored.NotProbed => "-",
        Honored.Yes => "yes",
        Honored.No => $"no ({N(line.RowsFailed)} of {N(line.ProbedBy)} failed)",
        Honored.NotRun => "no verdict",
        _ => $"partly ({N(line.RowsPassed)} of {N(line.ProbedBy)} passed, {N(line.ProbedBy - line.RowsPassed)} without a verdict)",
    };

    public static string ProbedText(StatusLine line) => line.ProbedBy switch
    {
        0 => "no",
        1 => "1 row",
        _ => $"{N(line.ProbedBy)} rows",
    };

    public static string CasesText(VerdictCounts c) =>
        $"{N(c.Total)} case(s): {N(c.Passed)} passed, {N(c.Failed)} failed{(c.Known > 0 ? $" ({N(c.Known)} known)" : string.Empty)}, {N(c.Broken)} broken, {N(c.Skipped)} skipped"
        + (c.NotRunThisTime > 0 ? $"; {N(c.NotRunThisTime)} not run this time (their previous verdicts kept)" : string.Empty);

    private static void Render(ApiScorecard api, StringBuilder text, bool verdictsFirst)
    {
        text.Append("\n## ").Append(api.Api).Append(" (").Append(api.Title).Append(")\n\n");
        if (api.DocsUrl is not null)
        {
            text.Append("Documentation: ").Append(api.DocsUrl).Append("\n\n");
        }

        if (api.Cases.Total == 0)
        {
            // A filtered run: a table of rows "probed" with "no verdict", against a target no case reached, would mislead.
            text.Append("Not in this run: ").Append(api.Rows == 1 ? "its 1 row was not selected" : $"none of its {N(api.Rows)} rows was selected").Append(" (--filter), so nothing was sent to it and no status is judged.\n");
            return;
        }

        if (api.Target is not null)
        {
            text.Append("Target: ").Append(api.Target).Append("\n\n");
        }

        text.Append(CasesText(api.Cases)).Append("\n\n");
        text.Append(verdictsFirst ? "| Status | Probed | Honored | Observed | Meaning | Unprovokable |\n" : "| Status | Meaning | Probed | Honored | Observed | Unprovokable |\n");
        text.Append("| --- | --- | --- | --- | --- | --- |\n");
        foreach (var line in api.Statuses)
        {
            var verdicts = $"{ProbedText(line)} | {HonoredText(line)} | {N(line.Observed)}";
            var meaning = Cell(line.Meaning);
            text.Append("| ").Append(line.Status).Append(" | ").Append(verdictsFirst ? $"{verdicts} | {meaning}" : $"{meaning} | {verdicts}")
                .Append(" | ").Append(Cell(line.Unprovokable ?? string.Empty)).Append(" |\n");
        }

        text.Append('\n');
        if (api.Undocumented.Count == 0)
        {
            text.Append("Observed but undocumented: none\n");
            return;
        }

        text.Append("Observed but undocumented:\n\n");
        foreach (var status in api.Undocumented)
        {
            text.Append("- ").Append(N(status.Status)).Append(" x").Append(N(status.Count)).Append(": ").Append(string.Join(", ", status.Cases.Select(Cell))).Append('\n');
        }
    }

    private const int Listed = 50;

    private static void Render(RunChanges changes, StringBuilder text)
    {
        text.Append("\n## Since the previous run\n\n");
        if (changes.OlderKeys is { } older)
        {
            text.Append(OlderKeysText(older)).Append("\n\n");
        }

        text.Append(N(changes.Compared)).Append(" case(s) in both runs: ");
        var other = changes.Other.Count == 0 ? string.Empty : $", {N(changes.Other.Count)} other change(s)";
        text.Append(changes.NewlyFailing.Count + changes.Fixed.Count + changes.Other.Count == 0
            ? "no verdict changed"
            : $"{N(changes.NewlyFailing.Count)} newly failing{KnownIssues(changes.NewlyFailing)}, {N(changes.Fixed.Count)} fixed{other}").Append("; ").Append(N(changes.New)).Append(" new.\n");
        List("Newly failing", changes.NewlyFailing, text);
        List("Fixed", changes.Fixed, text);
        List("Other changes", changes.Other, text);
    }

    /// <summary>Said once, when the previous scorecard.json keeps its verdicts by case name (the version before).</summary>
    public static string OlderKeysText(OlderBaseline older)
    {
        const string Older = "The previous scorecard.json was written with the older key format (case names, with: values cut at 24 characters): ";
        if (older.Matched == 0)
        {
            return Older + "no case could be matched reliably, so the comparison starts from this run.";
        }

        var matched = $"{N(older.Matched)} case(s) matched by their full name";
        return older.NotMatched switch
        {
            0 => $"{Older}{matched}.",
            1 => $"{Older}{matched}; 1 whose name was cut or shared by two rows could not be matched reliably, so its comparison starts from this run.",
            var n => $"{Older}{matched}; {N(n)} whose names were cut or shared by two rows could not be matched reliably, so their comparison starts from this run.",
        };
    }

    private static string KnownIssues(IReadOnlyList<CaseChange> changes) =>
        changes.Count(c => c.KnownIssue) is var known and > 0 ? $" ({N(known)} known issue{(known == 1 ? string.Empty : "s")})" : string.Empty;

    private static void List(string title, IReadOnlyList<CaseChange> changes, StringBuilder text)
    {
        if (changes.Count == 0)
        {
            return;
        }

        text.Append('\n').Append(title).Append(":\n\n");
        foreach (var change in changes.Take(Listed))
        {
            text.Append("- ").Append(Cell(change.Case)).Append(" (").Append(Word(change.Was)).Append(" -> ").Append(Word(change.Now)).Append(change.KnownIssue ? ", known issue)\n" : ")\n");
        }

        if (changes.Count > Listed)
        {
            text.Append("- ... and ").Append(N(changes.Count - Listed)).Append(" more (scorecard.json has every verdict)\n");
        }
    }

    private static string Word(Reporting.Verdict verdict) => verdict.ToString().ToLowerInvariant();

    private static string Cell(string text) => text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
