using System.Globalization;
using System.Text;
using Conformance.Checks;
using Conformance.Probing;

namespace Conformance.Reporting;

/// <summary>The text a person reads for a case: each failed check with its details, the exchange, and a curl line.</summary>
public static class FailureMessage
{
    public static string Format(string caseName, string? location, IReadOnlyList<CheckResult> checks, ProbeExchange? exchange, IReadOnlyList<ProbeStep> retried, string? curl, Redactor redactor)
    {
        var text = new StringBuilder();
        text.Append(caseName);
        if (location is not null)
        {
            text.Append("  [").Append(location).Append(']');
        }

        text.AppendLine();
        foreach (var check in checks.Where(c => c.Outcome is Outcome.Failed or Outcome.Warning))
        {
            text.Append(check.Outcome == Outcome.Failed ? "FAILED " : "WARNING ").Append(check.CheckId).Append(": ").AppendLine(redactor.Text(check.Message));
            foreach (var detail in check.Details)
            {
                text.Append("    ").AppendLine(redactor.Text(detail));
            }
        }

        foreach (var step in retried)
        {
            text.AppendLine(Retried(step));
        }

        if (exchange?.Note is { } note)
        {
            text.AppendLine(redactor.Text(note));
        }

        if (exchange?.Response is { } response)
        {
            // A status line without a reason phrase (HTTP/1.1 200) is allowed (RFC 9112 4): no "200 ," then.
            text.Append("Response: ").Append(response.Status.ToString(CultureInfo.InvariantCulture)).Append(string.IsNullOrEmpty(response.Reason) ? string.Empty : " " + response.Reason)
                .Append(", ").Append(response.ContentType ?? "no Content-Type").Append(", ")
                .Append(response.Body.Length.ToString(CultureInfo.InvariantCulture)).Append(" bytes")
                .Append(response.Truncated ? " (truncated at the body cap)" : string.Empty).AppendLine();
            if (response.Status is >= 300 and <= 399 && exchange.Note is null && response.Header("Location") is { } redirect)
            {
                // Where the redirect pointed, which the status alone does not say (another host, https), and that nothing went there.
                // A follow_redirect chain cut at maxHops has its note, which names the last Location already.
                text.Append("Location: ").Append(redactor.Text(redirect)).AppendLine(" (not followed: probes follow redirects only on follow_redirect rows, up to maxHops, and only to the base URL's scheme, host and port)");
            }

            if (BodyLine(response, redactor) is { } body)
            {
                text.Append("Body: ").AppendLine(body);
            }
        }

        if (curl is not null)
        {
            text.Append("Reproduce: ").AppendLine(curl);
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// The response body as a QA reader sees it first (the Allure files hold all of it): its text masked, on one line, the
    /// first <see cref="MaxBody"/> characters; none for no body, a body that is not text (an image, a zip) or not UTF-8.
    /// </summary>
    public static string? BodyLine(ProbeResponse response, Redactor redactor)
    {
        if (response.Body.IsEmpty || !IsText(response.MediaType) || !System.Text.Unicode.Utf8.IsValid(response.Body.Span))
        {
            return null;
        }

        var masked = redactor.Text(response.BodyText);
        var line = VisibleText.Of(string.Join(' ', masked.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        var cut = char.IsHighSurrogate(line[Math.Min(line.Length, MaxBody) - 1]) ? MaxBody - 1 : MaxBody;
        return line.Length <= MaxBody ? line
            : $"{line[..cut]}... ({line.Length.ToString("N0", CultureInfo.InvariantCulture)} characters in all)";
    }

    /// <summary>How much of a body the message shows.</summary>
    public const int MaxBody = 300;

    private static bool IsText(string? mediaType) => mediaType is null
        || mediaType.StartsWith("text/", StringComparison.Ordinal)
        || mediaType.EndsWith("json", StringComparison.Ordinal)
        || mediaType.EndsWith("xml", StringComparison.Ordinal)
        || mediaType is "application/x-www-form-urlencoded" or "application/javascript";

    /// <summary>
    /// The line for an attempt that was sent again. A 401 is retried only with a new token, after the target refused the
    /// fetched one (Engine.TokenRenewal); a labelled step is not the probe but its setup, sent again before the probe.
    /// </summary>
    /// <param name="answered">
    /// False when the last attempt got no complete response either, or the setup sent again failed (the case is broken, no verdict).
    /// </param>
    public static string Retried(ProbeStep step, bool answered = true)
    {
        var what = What(step);
        return !answered ? $"RETRIED {what} (that attempt is kept in the report; the first line is the last attempt's)"
            : step.Label is { Length: > 0 } ? $"RETRIED {what} (the first answer is kept here; the probe followed the setup sent again)"
            : $"RETRIED {what} (the first answer is kept here; the verdict is on the retry)";
    }

    /// <summary>
    /// The line for an attempt of a pact provider state's setup that was sent again (Conformance.Pact): as a row's, without
    /// its note on where the attempt is kept (no report keeps it) and what followed (the setup's message, or the interaction's, says it).
    /// </summary>
    public static string RetriedState(ProbeStep step) => $"RETRIED {What(step)}";

    /// <summary>What was sent again, and after what: <c>setup (item) after 503 Service Unavailable (Retry-After: none)</c>.</summary>
    private static string What(ProbeStep step)
    {
        var after = step.Response is { Status: 401 } refused ? $"with a new token after {refused.Status.ToString(CultureInfo.InvariantCulture)} {refused.Reason} to the fetched one" : $"after {Summary(step)}";
        return step.Label is { Length: > 0 } label ? $"{char.ToLowerInvariant(label[0])}{label[1..]} {after}" : after;
    }

    /// <summary>The RETRIED lines of a broken case whose last attempt got no complete response, each after a line break.</summary>
    public static string RetriedWithoutAnswer(IEnumerable<ProbeStep> retried) =>
        string.Concat(retried.Select(s => Environment.NewLine + Retried(s, answered: false)));

    public static string Summary(ProbeStep step) =>
        step.Response is { } r ? $"{r.Status.ToString(CultureInfo.InvariantCulture)} {r.Reason} (Retry-After: {r.Header("Retry-After") ?? "none"})" : $"{step.Failure?.Kind}: {step.Failure?.Message}";
}
