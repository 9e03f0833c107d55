using Conformance.Probing;
using Conformance.Reporting;
using Conformance.Tables;
using Conformance.Targets;

namespace Conformance.Engine;

/// <summary>
/// <c>conformance.circuitBreaker</c>, one per API: once that many of its cases in a row ended throttled or unavailable
/// (the last answer an unexpected 429, 502, 503 or 504, after the case's bounded retries) or unreachable (refused, no such
/// host, reset, timeout, TLS, proxy), it opens, and the API's cases not yet started are not sent.
/// Timeouts and resets of one operation alone do not open it: one slow or crashing operation is that operation's, not the
/// API's; a streak of them over two operations or more does.
/// Any other end of a case that sent a request starts the count again; a case that sent none leaves it.
/// Without <c>conformance.circuitBreakerPauseSeconds</c> it stays open for the rest of the run. With it, it holds those
/// cases (<see cref="WaitAsync"/>) for the pause, then lets one go as a trial (half-open): a trial that gets an answer
/// closes it and the held cases go on; one that counts too opens it again, paused again while
/// <c>conformance.circuitBreakerTrials</c> (from each opening) remain, else for the rest of the run.
/// </summary>
internal sealed class CaseBreaker(string api, RunSettings settings, Func<TimeProvider> time)
{
    /// <summary>What <see cref="Refusal"/> gives a request that reached a concurrency slot while the breaker holds cases: wait again.</summary>
    public static readonly ProbeFailure Held = new("breaker", "held by the circuit breaker's pause");

    private readonly int threshold = settings.CircuitBreaker;
    private readonly Lock sync = new();
    private readonly List<(string Case, string Operation, string Cause, bool MayBeOperations)> streak = [];
    private readonly List<(string Case, string Cause)> tried = [];
    private ProbeFailure? open;
    private Task? paused; // open with a pause: ends when a trial may go; null while closed
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool trialOut;
    private int period; // one more at each opening and closing: a case counts only in the period its first request went in
    private DateTimeOffset openedAt;

    /// <summary>
    /// The pass of a case's first request: at once while closed or open for good; while it holds cases, once the pause
    /// is over and no other case is the trial (this one may be), or once it is decided. Holds no concurrency slot.
    /// </summary>
    public async Task<BreakerTicket> WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wake;
            lock (sync)
            {
                if (open is not null || paused is null)
                {
                    return new BreakerTicket(period, false);
                }

                if (paused.IsCompleted && !trialOut)
                {
                    trialOut = true;
                    return new BreakerTicket(period, true);
                }

                wake = paused.IsCompleted ? changed.Task : paused;
            }

            await wake.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Why the first request of the case with <paramref name="ticket"/> is not sent: the breaker open for good,
    /// <see cref="Held"/> when it opened since the ticket was given (wait again); else null.
    /// </summary>
    public ProbeFailure? Refusal(BreakerTicket ticket)
    {
        lock (sync)
        {
            return open ?? (ticket.Period != period || (paused is not null && !ticket.Trial) ? Held : null);
        }
    }

    /// <summary>
    /// The message of a case whose <c>setup:</c> the open breaker kept back (<paramref name="refusal"/>, from
    /// <see cref="Refusal"/>): the breaker's, naming the setup not sent and the probe that needs it.
    /// </summary>
    public static string SetupNotSent(ProbeFailure refusal, string setup) =>
        $"{refusal.Heading}: {refusal.Message.Replace($"{BreakerMessage.NoneSent}.", $"{BreakerMessage.NoneSent}: not this case's setup ({setup}), nor its probe.", StringComparison.Ordinal)}";

    /// <summary>Counts the end of a case that sent at least one request with <paramref name="ticket"/> (<see cref="BreakerGuard"/>).</summary>
    public void Record(StatusRow row, CaseResult result, BreakerTicket ticket) =>
        Record(row.Id, row.OperationId, BreakerCause.Of(row, result), ticket);

    /// <summary>
    /// Counts the end of a case that sent at least one request with <paramref name="ticket"/>, named <paramref name="id"/>
    /// in the breaker's message (a row's id, or a pact provider state whose setup the framework sent), with its cause
    /// (<see cref="BreakerCause"/>).
    /// </summary>
    public void Record(string id, string operation, (string? Cause, string? Kind) counted, BreakerTicket ticket)
    {
        if (threshold == 0)
        {
            return;
        }

        var (cause, kind) = counted;
        lock (sync)
        {
            if (ticket.Trial)
            {
                Decide(id, cause);
                return;
            }

            if (open is not null || paused is not null || ticket.Period != period)
            {
                return; // a case in flight when it opened: its end changes nothing
            }

            if (cause is null)
            {
                streak.Clear();
                return;
            }

            streak.Add((id, operation, cause, BreakerCause.MayBeOperations(kind)));
            if (streak.Count >= threshold && !OneOperationsOwn())
            {
                Open();
            }
        }
    }

    /// <summary>The trial case sent no request after all (the budget spent, a header HTTP cannot carry) or ended unrecorded: another may be the trial.</summary>
    public void ReturnTrial()
    {
        lock (sync)
        {
            if (trialOut)
            {
                trialOut = false;
                Changed();
            }
        }
    }

    /// <summary>True while the streak is only timeouts and resets of one operation.</summary>
    private bool OneOperationsOwn() =>
        streak.All(s => s.MayBeOperations) && streak.All(s => s.Operation == streak[0].Operation);

    private List<(string Case, string Cause)> Streak() => [.. streak.Select(s => (s.Case, s.Cause))];

    private void Open()
    {
        period++;
        if (settings.CircuitBreakerPause <= TimeSpan.Zero)
        {
            open = new ProbeFailure("breaker", BreakerMessage.Open(api, Streak(), [], openedAt, settings));
            return;
        }

        openedAt = time().GetUtcNow();
        tried.Clear();
        Pause();
    }

    private void Pause()
    {
        trialOut = false;
        paused = Task.Delay(settings.CircuitBreakerPause, time());
        Changed();
    }

    /// <summary>The trial's end: an answer closes the breaker; one that counts opens it again, paused while trials remain.</summary>
    private void Decide(string id, string? cause)
    {
        if (cause is not null)
        {
            tried.Add((id, cause));
            if (tried.Count < settings.CircuitBreakerTrials)
            {
                Pause();
                return;
            }

            open = new ProbeFailure("breaker", BreakerMessage.Open(api, Streak(), tried, openedAt, settings));
        }
        else
        {
            streak.Clear();
            period++;
        }

        paused = null;
        trialOut = false;
        Changed();
    }

    /// <summary>Wakes the cases held for a decision: each asks again.</summary>
    private void Changed()
    {
        var last = changed;
        changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        last.TrySetResult();
    }
}

/// <summary>A case's pass to send its first request (<see cref="CaseBreaker.WaitAsync"/>): the breaker's period then, and whether it is the trial.</summary>
internal sealed record BreakerTicket(int Period, bool Trial);
