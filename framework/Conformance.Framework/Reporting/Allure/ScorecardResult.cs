using System.Globalization;
using System.Net;
using System.Text;
using Conformance.Reporting.Scorecard;

namespace Conformance.Reporting.Allure;

/// <summary>
/// A synthetic passed result per API that carries its scorecard into the report: the matrix as the description
/// (an HTML table) and scorecard.md / scorecard.json as attachments, under parentSuite = api, suite = "scorecard".
/// </summary>
internal static class ScorecardResult
{
    public static AllureCase Build(ApiScorecard api, DateTimeOffset now, string host)
    {
        var markdown = ScorecardMarkdown.Render(new RunScorecard([api]));
        var json = ScorecardJson.Render(new RunScorecard([api]));
        var files = new List<(AllureAttachment, AttachmentFile)>
        {
            (new AllureAttachment("scorecard.md", $"{Guid.NewGuid():D}-attachment.md", "text/markdown"), new AttachmentFile("scorecard.md", "md", "text/markdown", markdown)),
            (new AllureAttachment("scorecard.json", $"{Guid.NewGuid():D}-attachment.json", "application/json"), new AttachmentFile("scorecard.json", "json", "application/json", json)),
        };
        var ms = now.ToUnixTimeMilliseconds();
        var result = new AllureResult(
            Guid.NewGuid().ToString("D"),
            CaseIdentity.Hash($"history:scorecard/{api.Api}"),
            CaseIdentity.Hash($"scorecard/{api.Api}"),
            $"Conformance.Scorecard.{api.Api}",
            $"{api.Api} scorecard",
            "passed",
            new AllureStatusDetails(ScorecardMarkdown.CasesText(api.Cases)),
            "finished",
            ms,
            ms,
            [new("api", api.Api)],
            [new("parentSuite", api.Api), new("suite", "scorecard"), new("feature", api.Api), new("story", "scorecard"), new("severity", "minor"), new("host", host), new("framework", "nunit"), new("language", "csharp")],
            SourceLinks.Docs(api.Title, api.DocsUrl) is { } docs ? [docs] : [],
            [],
            files.Select(f => f.Item1).ToList(),
            null,
            Html(api));
        return new AllureCase(result, files);
    }

    private static string Html(ApiScorecard api)
    {
        var html = new StringBuilder("<p>").Append(E(ScorecardMarkdown.CasesText(api.Cases))).Append("</p><table><thead><tr>");
        foreach (var head in new[] { "Status", "Meaning", "Probed", "Honored", "Observed", "Unprovokable" })
        {
            html.Append("<th>").Append(head).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var line in api.Statuses)
        {
            html.Append("<tr><td>").Append(E(line.Status)).Append("</td><td>").Append(E(line.Meaning)).Append("</td><td>").Append(E(ScorecardMarkdown.ProbedText(line)))
                .Append("</td><td>").Append(E(ScorecardMarkdown.HonoredText(line))).Append("</td><td>").Append(line.Observed.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(E(line.Unprovokable ?? string.Empty)).Append("</td></tr>");
        }

        html.Append("</tbody></table><p>Observed but undocumented: ");
        html.Append(api.Undocumented.Count == 0 ? "none" : E(string.Join("; ", api.Undocumented.Select(u => $"{u.Status.ToString(CultureInfo.InvariantCulture)} x{u.Count.ToString(CultureInfo.InvariantCulture)} ({string.Join(", ", u.Cases)})"))));
        return html.Append("</p>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
