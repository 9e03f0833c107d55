using System.Globalization;
using Conformance.Probing;

namespace Conformance.Reporting.Allure;

/// <summary>
/// The files attached to a case. A clean pass (no retry, no warning) gets none: its exchange (every request and response
/// in order, then the curl line) is one text inside the result's description. Any other case gets one file per request
/// and response (earlier and retried ones first), the response body as JSON, the schema violations and the curl line.
/// Every file costs a file creation, the largest share of reporting time (bench/README.md), and passes are most of a run.
/// </summary>
internal static class CaseAttachments
{
    /// <summary>A clean pass's exchange as one text, or null for any other case (those get attachments).</summary>
    public static string? CleanPassExchange(CaseResult result, ReportScope scope, ExchangeText text)
    {
        if (!IsCleanPass(result))
        {
            return null;
        }

        var baseUrl = scope.BaseUrls.GetValueOrDefault(result.Api);
        var auth = scope.Pack(result.Api)?.Auth;
        var parts = result.Exchange!.Earlier.Append(result.Exchange.Final).Concat(result.Exchange.Later)
            .SelectMany(s => Step(s, string.Empty, baseUrl, auth, text).Select((f, i) => i == 0 && s.Label is { } label ? $"{label}:{Environment.NewLine}{f.Content}" : f.Content));
        var repro = result.Curl is { } line ? new[] { "Reproduce (curl):" + Environment.NewLine + scope.Redactor.Text(line) } : [];
        return text.Cap(string.Join(Environment.NewLine + Environment.NewLine, parts.Concat(repro)));
    }

    public static IEnumerable<AttachmentFile> For(CaseResult result, ReportScope scope, ExchangeText text)
    {
        if (IsCleanPass(result))
        {
            yield break;
        }

        var baseUrl = scope.BaseUrls.GetValueOrDefault(result.Api);
        var auth = scope.Pack(result.Api)?.Auth;
        // A labelled attempt sent again is a setup refused before a new token: named as that setup, and before it, as sent.
        var setups = result.Retried.Where(s => s.Label is not null).ToList();
        for (var i = 0; i < setups.Count; i++)
        {
            foreach (var file in Step(setups[i], $"{setups[i].Label}, retried attempt {Number(i)}: ", baseUrl, auth, text))
            {
                yield return file;
            }
        }

        var earlier = result.Exchange?.Earlier ?? [];
        for (var i = 0; i < earlier.Count; i++)
        {
            foreach (var file in Step(earlier[i], earlier[i].Label is { } label ? $"{label}: " : $"Earlier step {Number(i)}: ", baseUrl, auth, text))
            {
                yield return file;
            }
        }

        var probes = result.Retried.Where(s => s.Label is null).ToList();
        for (var i = 0; i < probes.Count; i++)
        {
            foreach (var file in Step(probes[i], $"Retried attempt {Number(i)}: ", baseUrl, auth, text))
            {
                yield return file;
            }
        }

        if (result.Exchange?.Final is { } final)
        {
            // A labelled final step is a setup that failed, no probe sent: its files are named as that setup's.
            var prefix = final.Label is { } named ? $"{named}: " : string.Empty;
            foreach (var file in Step(final, prefix, baseUrl, auth, text))
            {
                yield return file;
            }

            if (final.Response is { } response && text.JsonBody(response) is { } json)
            {
                yield return new AttachmentFile(prefix + "Response body", "json", "application/json", json);
            }
        }

        var later = result.Exchange?.Later ?? [];
        foreach (var step in later)
        {
            foreach (var file in Step(step, $"{step.Label}: ", baseUrl, auth, text))
            {
                yield return file;
            }
        }

        if (result.Checks.FirstOrDefault(c => c.CheckId == "body_schema_conformance" && c.Outcome is Checks.Outcome.Failed or Checks.Outcome.Warning) is { } schema)
        {
            var lines = new[] { schema.Message }.Concat(schema.Details.Select(d => "  " + d)).Select(scope.Redactor.Text);
            yield return new AttachmentFile("Schema violations", "txt", "text/plain", text.Cap(string.Join(Environment.NewLine, lines)));
        }

        if (result.Curl is { } curl)
        {
            yield return new AttachmentFile("Reproduce (curl)", "txt", "text/plain", text.Cap(scope.Redactor.Text(curl)));
        }
    }

    private static bool IsCleanPass(CaseResult result) =>
        result.Verdict == Verdict.Passed && result.Retried.Count == 0 && result.Exchange?.Final is not null
        && result.Checks.All(c => c.Outcome != Checks.Outcome.Warning);

    /// <summary>
    /// A request and its answer. One the run held back (breaker, budget, a header HTTP cannot carry) is named so, with why:
    /// it was named <c>Request</c> and <c>No response</c>, which read as a request the target left unanswered.
    /// </summary>
    private static IEnumerable<AttachmentFile> Step(ProbeStep step, string prefix, Uri? baseUrl, Contracts.AuthScheme? auth, ExchangeText text)
    {
        var held = step.Response is null && step.Failure is { NotSent: true };
        yield return new AttachmentFile(prefix + (held ? "Request (not sent)" : "Request"), "txt", "text/plain", text.Request(step.Request, baseUrl, auth));
        yield return step.Response is { } response
            ? new AttachmentFile(prefix + "Response " + response.Status.ToString(CultureInfo.InvariantCulture), "txt", "text/plain", text.Response(response))
            : new AttachmentFile(prefix + (held ? step.Failure!.Heading : "No response"), "txt", "text/plain", text.Failure(step));
    }

    private static string Number(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);
}
