using System.Globalization;
using Conformance.Probing;
using Conformance.Reporting;
using Conformance.Tables;

namespace Conformance.Engine;

/// <summary>
/// <c>conformance.circuitBreaker</c>, one per API: once <paramref name="threshold"/> of its cases in a row ended
/// throttled or unavailable (the last answer an unexpected 429, 502, 503 or 504, after the case's bounded retries) or
/// unreachable (refused, no such host, reset, timeout, TLS, proxy), it opens for the rest of the run, and the API's cases
/// not yet started are not sent.
/// Timeouts and resets of one operation alone do not open it: one slow or crashing operation is that operation's, not the
/// API's; a streak of them over two operations or more does.
/// Any other end of a case that sent a request starts the count again; a case that sent none leaves it. There is no
/// half-open trial: once open, the remaining cases are reported at once, so no later moment comes to try one.
/// </summary>
internal sealed class CaseBreaker(string api, int threshold)
{
    private static readonly string[] Unreachable = ["refused", "dns", "reset", "timeout", "tls", "proxy"];
    private static readonly string[] OperationsOwn = ["reset", "timeout"]; // may be one operation's, not the API's
    private const string NoneSent = "and no request was sent";
    private readonly Lock sync = new();
    private readonly List<(string Case, string Operation, string Cause, bool MayBeOperations)> streak = [];
    private ProbeFailure? open;

    /// <summary>Why a case not yet started is not sent, once open; else null.</summary>
    public ProbeFailure? Refusal()
    {
        lock (sync)
        {
            return open;
        }
    }

    /// <summary>
    /// The message of a case whose <c>setup:</c> the open breaker kept back (<paramref name="refusal"/>, from
    /// <see cref="Refusal"/>): the breaker's, naming the setup not sent and the probe that needs it.
    /// </summary>
    public static string SetupNotSent(ProbeFailure refusal, string setup) =>
        $"{refusal.Heading}: {refusal.Message.Replace($"{NoneSent}.", $"{NoneSent}: not this case's setup ({setup}), nor its probe.", StringComparison.Ordinal)}";

    /// <summary>Counts the end of a case that sent at least one request (<see cref="BreakerGuard"/>).</summary>
    public void Record(StatusRow row, CaseResult result)
    {
        if (threshold == 0)
        {
            return;
        }

        var (cause, kind) = Cause(row, result);
        lock (sync)
        {
            if (open is not null)
            {
                return; // a case in flight when it opened: it stays open for the rest of the run
            }

            if (cause is null)
            {
                streak.Clear();
                return;
            }

            streak.Add((row.Id, row.OperationId, cause, OperationsOwn.Contains(kind)));
            if (streak.Count >= threshold && !OneOperationsOwn())
            {
                open = new ProbeFailure("breaker", Message());
            }
        }
    }

    /// <summary>
    /// Why the case counts (<c>429 Too Many Requests</c>, <c>502 Bad Gateway</c>, <c>unreachable (timeout)</c>) and the
    /// failure's kind when it got no answer, or a null cause when it got an answer to judge.
    /// </summary>
    private static (string? Cause, string? Kind) Cause(StatusRow row, CaseResult result)
    {
        var last = result.Exchange?.Final;
        if (result.Verdict != Verdict.Broken || last is null)
        {
            return (null, null);
        }

        if (last.Response is { } response && BoundedRetry.Transient(response.Status) && (last.Label is not null || !row.Expected.Contains(response.Status)))
        {
            return ($"{response.Status.ToString(CultureInfo.InvariantCulture)} {response.Reason}", null); // the probe's, or a setup's that kept it from being sent
        }

        return last.Response is null && last.Failure is { } failure && Unreachable.Contains(failure.Kind) ? ($"unreachable ({failure.Kind})", failure.Kind) : (null, null);
    }

    /// <summary>True while the streak is only timeouts and resets of one operation.</summary>
    private bool OneOperationsOwn() =>
        streak.All(s => s.MayBeOperations) && streak.All(s => s.Operation == streak[0].Operation);

    private string Message()
    {
        var groups = streak.GroupBy(s => s.Cause).Select(g => $"{g.Key} ({string.Join(", ", g.Select(s => s.Case))})");
        var count = threshold.ToString(CultureInfo.InvariantCulture);
        return $"The last {streak.Count.ToString(CultureInfo.InvariantCulture)} cases of {api} ended {string.Join(" and ", groups)}; conformance.circuitBreaker={count} stops sending to an API once that many of its cases in a row end throttled or unavailable (429, 502, 503 or 504 after their retries) or unreachable, {NoneSent}. Rerun later, or raise it (0 turns it off).";
    }
}
