using System.Globalization;
using Conformance.Probing;
using Conformance.Reporting;
using Conformance.Tables;

namespace Conformance.Engine;

/// <summary>Whether a case's end counts toward its API's <see cref="CaseBreaker"/>, and as what.</summary>
internal static class BreakerCause
{
    private static readonly string[] Unreachable = ["refused", "dns", "reset", "timeout", "tls", "proxy"];
    private static readonly string[] OperationsOwn = ["reset", "timeout"]; // may be one operation's, not the API's

    /// <summary>
    /// Why the case counts (<c>429 Too Many Requests</c>, <c>502 Bad Gateway</c>, <c>unreachable (timeout)</c>) and the
    /// failure's kind when it got no answer, or a null cause when it got an answer to judge.
    /// </summary>
    public static (string? Cause, string? Kind) Of(StatusRow row, CaseResult result) => Of(row.Expected, result.Verdict, result.Exchange?.Final);

    /// <summary>As <see cref="Of(StatusRow, CaseResult)"/>, for a case that ended with <paramref name="verdict"/> on <paramref name="last"/>.</summary>
    /// <param name="expected">The statuses its probe expects (none for a pact provider state's setup, which expects a 2xx).</param>
    public static (string? Cause, string? Kind) Of(IReadOnlyCollection<int> expected, Verdict verdict, ProbeStep? last)
    {
        if (verdict != Verdict.Broken || last is null)
        {
            return (null, null);
        }

        if (last.Response is { } response && BoundedRetry.Transient(response.Status) && (last.Label is not null || !expected.Contains(response.Status)))
        {
            return ($"{response.Status.ToString(CultureInfo.InvariantCulture)} {response.Reason}", null); // the probe's, or a setup's that kept it from being sent
        }

        return last.Response is null && last.Failure is { } failure && Unreachable.Contains(failure.Kind) ? ($"unreachable ({failure.Kind})", failure.Kind) : (null, null);
    }

    /// <summary>True for a failure that may be one operation's own (a timeout, a reset), not the API's.</summary>
    public static bool MayBeOperations(string? kind) => OperationsOwn.Contains(kind);
}
