using System.Globalization;
using System.Text.RegularExpressions;
using Conformance.Checks;
using Conformance.Probing;

namespace Conformance.Reporting.Allure;

/// <summary>Turns one <see cref="CaseResult"/> into an Allure result: identity, status, labels, one step per check, attachments.</summary>
internal sealed partial class AllureResultBuilder(ReportScope scope, string host)
{
    private static readonly string[] CriticalChecks = ["status_code_conformance", "not_a_server_error"];
    private readonly ExchangeText text = new(scope.Redactor);

    /// <summary>
    /// Builds with a redactor that also masks the secrets this case's own requests carried (echoed cookies, query keys) and
    /// those its responses handed out (a session cookie, an access token).
    /// </summary>
    public AllureCase Build(CaseResult result, string thread)
    {
        // The case's own redactor when it was made from this report's (no second reading of its responses), else made here.
        var redactor = result.Masking is { } masking && masking.DerivesFrom(scope.Redactor) ? masking : scope.Redactor.With(result.Exchange?.Steps(result.Retried) ?? []);
        return new AllureResultBuilder(scope with { Redactor = redactor }, host).BuildCore(result, thread);
    }

    private AllureCase BuildCore(CaseResult result, string thread)
    {
        var ids = AllureIds.For(result);
        var start = result.Started.ToUnixTimeMilliseconds();
        var stop = start + (long)result.Duration.TotalMilliseconds;
        var files = CaseAttachments.For(result, scope, text).Select(f => (new AllureAttachment(f.Name, $"{Guid.NewGuid():D}-attachment.{f.Extension}", f.MimeType), f)).ToList();
        var allure = new AllureResult(
            Guid.NewGuid().ToString("D"),
            ids.HistoryId,
            ids.TestCaseId,
            ids.FullName,
            result.CaseName,
            Status(result.Verdict),
            Details(result),
            "finished",
            start,
            stop,
            [new("api", ids.Api), new("operation", ids.Operation), new("scenario", ids.Scenario), new("expected status", ids.Expected)],
            Labels(result, ids, thread),
            Links(result),
            result.Checks.Select(c => Step(c, start, stop)).ToList(),
            files.Select(f => f.Item1).ToList(),
            WithExchange(Description(result), CaseAttachments.CleanPassExchange(result, scope, text)));
        return new AllureCase(allure, files);
    }

    public static string Status(Verdict verdict) => verdict switch
    {
        Verdict.Passed => "passed",
        Verdict.Failed => "failed",
        Verdict.Broken => "broken",
        _ => "skipped",
    };

    public static string StepStatus(Outcome outcome) => outcome switch
    {
        Outcome.Passed => "passed",
        Outcome.Failed => "failed",
        Outcome.Warning => "unknown",
        _ => "skipped",
    };

    /// <summary>The API's documentation, the table row in the repository (when its address is known), and each web address in the row's <c>known:</c> text as an issue link.</summary>
    private List<AllureLink> Links(CaseResult result)
    {
        var links = new List<AllureLink>();
        if (scope.Pack(result.Api) is { } pack && SourceLinks.Docs(pack.Title, pack.DocsUrl) is { } docs)
        {
            links.Add(docs);
        }

        if (result.Row is { } row && SourceLinks.For(scope.SourceUrl, row.Location) is { } source)
        {
            links.Add(new AllureLink($"Table row {row.Location.Path}:{row.Location.Line.ToString(CultureInfo.InvariantCulture)}", source, "link"));
        }

        if (result.Row?.Known is { } known)
        {
            links.AddRange(WebAddress().Matches(known).Select(m => new AllureLink(IssueName(m.Value), m.Value, "issue")));
        }

        return links;
    }

    /// <summary>
    /// A short name for an issue address: <c>.../browse/NOTES-41</c> -> <c>NOTES-41</c>; a number after <c>issues</c> or
    /// <c>pull</c> -> <c>acme/api#41</c> (GitHub, GitLab); another number -> <c>#41</c>; no path -> the address.
    /// </summary>
    private static string IssueName(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return url;
        }

        var parts = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        if (parts.Count == 0)
        {
            return url;
        }

        if (!parts[^1].All(char.IsAsciiDigit))
        {
            return parts[^1];
        }

        var keyword = parts.FindLastIndex(p => p is "issues" or "pull" or "pulls" or "merge_requests");
        var project = keyword > 0 ? string.Join('/', parts.Take(keyword).Where(p => p != "-")) : string.Empty;
        return $"{project}#{parts[^1]}";
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+[^\s""'<>.,;:)]")]
    private static partial Regex WebAddress();

    /// <summary>
    /// The message Allure shows and groups categories by, and the whole text as the trace. A failed case's message lists its
    /// failed checks, a passed one's its warnings (<c>WARNING &lt;id&gt;: ...</c>; it had none, so a warning showed only as
    /// a step of status unknown); a broken one's is the runner's message without its <c>Reproduce:</c> line (in the trace
    /// and in <c>Reproduce (curl)</c>): that line differs from case to case, so with it every broken case was a category
    /// entry of its own (20 timeouts, 20 entries of one case each).
    /// </summary>
    private AllureStatusDetails? Details(CaseResult result)
    {
        var flaky = Flaky(result);
        var checks = string.Join(Environment.NewLine, result.Failures.Select(c => $"{c.CheckId}: {scope.Redactor.Text(c.Message)}"));
        var warnings = string.Join(Environment.NewLine, Warnings(result).Select(c => $"WARNING {c.CheckId}: {scope.Redactor.Text(c.Message)}"));
        var whole = scope.Redactor.Text(result.Message);
        var repro = result.Verdict == Verdict.Broken ? whole.IndexOf("\nReproduce: ", StringComparison.Ordinal) : -1;
        var message = repro >= 0 ? WithoutBodies(whole[..repro].TrimEnd('\r'))
            : result.Verdict == Verdict.Passed && warnings.Length > 0 ? warnings
            : result.Verdict != Verdict.Failed || checks.Length == 0 ? whole
            : result.KnownIssue is { } known ? $"{Engine.KnownIssue.KnownTitle}{scope.Redactor.Text(known)}{Environment.NewLine}{checks}"
            : checks;
        var trace = result.Verdict == Verdict.Failed || repro >= 0 || (result.Verdict == Verdict.Passed && warnings.Length > 0) ? whole : null;
        return result.Verdict == Verdict.Passed && !flaky && warnings.Length == 0 ? null
            : new AllureStatusDetails(message.Length == 0 ? null : message, trace, flaky, result.KnownIssue is not null);
    }

    /// <summary>
    /// Retried, and its attempts did not all end as its last one did: a 429 then the answer judged, or a setup sent again
    /// before its probe. One retried into the same status or failure every time (502, 502, 502; a timeout, then a timeout)
    /// failed alike each time: it is not unstable, and Allure's flaky mark would say it was.
    /// </summary>
    private static bool Flaky(CaseResult result) =>
        result.Retried.Count > 0 && (result.Exchange?.Final is not { } last || result.Retried.Any(s => s.Label != last.Label || End(s) != End(last)));

    private static string End(ProbeStep step) =>
        step.Response is { } answer ? answer.Status.ToString(CultureInfo.InvariantCulture) : step.Failure?.Kind ?? "none";

    /// <summary>
    /// A broken message without its <c>Body: </c> lines (a failed setup's answer, in the trace): one body differs from
    /// case to case (an id, a request id), so with it each failed setup was a category entry of its own.
    /// </summary>
    private static string WithoutBodies(string message) => message.Contains("\nBody: ", StringComparison.Ordinal)
        ? string.Join('\n', message.Split('\n').Where(line => !line.StartsWith("Body: ", StringComparison.Ordinal)))
        : message;

    private static IEnumerable<CheckResult> Warnings(CaseResult result) => result.Checks.Where(c => c.Outcome == Outcome.Warning);

    private List<AllureLabel> Labels(CaseResult result, AllureIds ids, string thread)
    {
        var failed = result.Failures.Select(c => c.CheckId).ToList();
        var labels = new List<AllureLabel>
        {
            new("parentSuite", ids.Api), new("suite", ids.Operation), new("subSuite", ids.Scenario),
            new("feature", ids.Api), new("story", ids.Scenario),
            new("severity", failed.Intersect(CriticalChecks).Any() ? "critical" : "normal"),
        };
        labels.AddRange(failed.Select(id => new AllureLabel("tag", id)));
        if (result.KnownIssue is not null)
        {
            labels.Add(new("tag", "known-issue"));
        }

        if (result.Verdict == Verdict.Passed && Warnings(result).Any())
        {
            labels.Add(new("tag", "warning")); // a passed case with a check at warning: findable by tag
        }

        labels.AddRange((result.Row?.Tags ?? []).Select(tag => new AllureLabel("tag", tag)));

        labels.AddRange([new("host", host), new("thread", thread), new("framework", "nunit"), new("language", "csharp")]);
        return labels;
    }

    private AllureStep Step(CheckResult check, long start, long stop)
    {
        var masked = scope.Redactor.Text(check.Message); // once: the step's name and its message both show it
        var firstLine = masked.ReplaceLineEndings(" ");
        var name = $"{check.CheckId}: {(firstLine.Length > 160 ? firstLine[..160] + "..." : firstLine)}";
        var message = string.Join(Environment.NewLine, check.Details.Select(scope.Redactor.Text).Prepend(masked));
        return new AllureStep(name, StepStatus(check.Outcome), new AllureStatusDetails(text.Cap(message)), "finished", start, stop, [], [], []);
    }

    /// <summary>Appends a clean pass's exchange as a fenced block, the fence longer than any backtick run inside it.</summary>
    internal static string WithExchange(string description, string? exchange)
    {
        if (exchange is null)
        {
            return description;
        }

        var longest = 0;
        for (int i = 0, run = 0; i < exchange.Length; i++)
        {
            run = exchange[i] == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{description}\n\nRequest and response:\n\n{fence}http\n{exchange}\n{fence}";
    }

    private static string Description(CaseResult result) => result.Row is { } row
        ? $"{(row.Description is null ? string.Empty : row.Description + "\n\n")}Row `{row.Id}` at `{row.Location}`: {row.OperationId} / {row.ScenarioId} expects {row.ExpectedText}."
        : string.Create(CultureInfo.InvariantCulture, $"Invalid contract entry `{result.CaseName}`: no probe was sent.");
}
