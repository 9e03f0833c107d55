using Conformance.Checks;
using Conformance.Probing;
using Conformance.Tables;

namespace Conformance.Reporting;

/// <summary>Passed: every promise kept. Failed: a promise broken. Broken: no verdict possible (transport, invalid row). Skipped: not run, with why.</summary>
public enum Verdict
{
    Passed,
    Failed,
    Broken,
    Skipped,
}

/// <summary>Everything known about one case after it ran; the source of NUnit messages, Allure files and the scorecard.</summary>
public sealed record CaseResult(
    string Api,
    string CaseName,
    StatusRow? Row,
    Verdict Verdict,
    string Message,
    ProbeExchange? Exchange,
    IReadOnlyList<CheckResult> Checks,
    IReadOnlyList<ProbeStep> Retried,
    string? Curl,
    DateTimeOffset Started,
    TimeSpan Duration)
{
    /// <summary>For a result that is not a table row (a pact interaction): the group reports file it under.</summary>
    public string? Suite { get; init; }

    /// <summary>The row's <c>known:</c> text when this failure is the tracked one (reported, the run stays green), else null.</summary>
    public string? KnownIssue { get; init; }

    /// <summary>The redactor the case's own texts were masked with (the run's plus its exchange's secrets), for its reports.</summary>
    internal Redactor? Masking { get; init; }

    public IEnumerable<CheckResult> Failures => Checks.Where(c => c.Outcome == Outcome.Failed);
}
