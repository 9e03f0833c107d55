using Conformance.Reporting.Scorecard;

namespace Conformance.Reporting.Allure;

/// <summary>
/// Each API's scorecard as Allure 3 global attachments (one <c>&lt;uuid&gt;-globals.json</c> per run, shown under
/// <i>Global Attachments</i>): <c>&lt;api&gt; scorecard.md</c>, the card Allure 3 renders as markdown, and
/// <c>&lt;api&gt; scorecard.json</c>. It was a passed result per API (<c>&lt;api&gt; scorecard</c>), which Allure counted as a
/// test: the totals, the pass rate, the tree and the trend had one test per API more than the run had cases. An API no case
/// of this run reached (a filtered run) gets none; a run no case reached gets no globals file.
/// </summary>
internal static class ScorecardGlobals
{
    public static AllureGlobalsFile? Build(RunScorecard card, DateTimeOffset now, Redactor redactor)
    {
        var ms = now.ToUnixTimeMilliseconds();
        var files = new List<(AllureGlobalAttachment Reference, AttachmentFile File)>();
        foreach (var api in card.Apis.Where(a => a.Cases.Total > 0))
        {
            var one = new RunScorecard([api]);
            var markdown = new AttachmentFile(redactor.Text($"{api.Api} scorecard.md"), "md", "text/markdown", redactor.Text(Markdown(one, api)));
            var json = new AttachmentFile(redactor.Text($"{api.Api} scorecard.json"), "json", "application/json", redactor.Text(ScorecardJson.Render(one)));
            files.AddRange(new[] { markdown, json }.Select(f => (new AllureGlobalAttachment(f.Name, $"{Guid.NewGuid():D}-attachment.{f.Extension}", f.MimeType, ms), f)));
        }

        return files.Count == 0 ? null : new AllureGlobalsFile(new AllureGlobals(files.Select(f => f.Reference).ToList(), []), files);
    }

    /// <summary>
    /// The card, its documentation address written <c>&lt;https://...&gt;</c> when it is a web address: Allure 3's markdown
    /// view links no bare address, and the scorecard result linked the page (a file path stays plain text). Its matrix puts
    /// the verdicts before the pack's meaning: that view keeps a cell on one line, so a long meaning hid them.
    /// </summary>
    private static string Markdown(RunScorecard one, ApiScorecard api)
    {
        var text = ScorecardMarkdown.Render(one, verdictsFirst: true);
        return SourceLinks.Docs(api.Title, api.DocsUrl) is { } docs
            ? text.Replace($"\nDocumentation: {docs.Url}\n", $"\nDocumentation: <{docs.Url}>\n", StringComparison.Ordinal)
            : text;
    }
}
