using System.Globalization;
using Conformance.Probing;
using Conformance.Targets;

namespace Conformance.Engine;

/// <summary>
/// <c>conformance.maxRetries</c>: an answer a target gives for a while, not for good (429 Too Many Requests, 503 Service
/// Unavailable, and the 502 Bad Gateway and 504 Gateway Timeout of a gateway or proxy in front of the API, RFC 9110
/// 15.6.3 and 15.6.5), to a request that does not expect it, is sent again after its <c>Retry-After</c> (1 s without one,
/// at most <c>conformance.maxRetryWaitSeconds</c>), never sooner; and, within <c>conformance.transportRetries</c>, a GET,
/// HEAD or OPTIONS that got no complete answer (<see cref="TransportRetry"/>). A probe and a row's <c>setup:</c> are sent
/// again by these rules, each counting its own attempts (a setup's steps carry its label, the probe's none).
/// </summary>
internal sealed class BoundedRetry(RunSettings settings, TimeProvider time)
{
    private const string Throttled = "the target is throttling or unavailable";

    /// <summary>The last request answered 502 or 504 that was not sent again because it may change state.</summary>
    private ProbeStep? heldBack;

    /// <summary>True for a status that is sent again: the target throttling or unavailable, or a gateway's error.</summary>
    public static bool Transient(int status) => status is 429 or 502 or 503 or 504;

    /// <summary>How many times the request of <paramref name="final"/> (the probe, or the setup its label names) was sent again after a transient status.</summary>
    public static int Count(IEnumerable<ProbeStep> retried, ProbeStep final) =>
        retried.Count(s => s.Label == final.Label && s.Response is { } answer && Transient(answer.Status));

    /// <summary>
    /// Sends with <paramref name="send"/>, and again while its answer (<paramref name="exchange"/>) is one to send again;
    /// each earlier attempt is added to <paramref name="retried"/>.
    /// </summary>
    /// <param name="expected">The statuses the request expects: one of them is judged, never sent again.</param>
    /// <param name="mayChangeState">True when a request that got no answer may have changed state, so it is not sent again.</param>
    public async Task<T> SendAsync<T>(Func<Task<T>> send, Func<T, ProbeExchange> exchange, IReadOnlyCollection<int> expected, bool mayChangeState, List<ProbeStep> retried, CancellationToken cancellationToken)
    {
        var sent = await send();
        while (ShouldRetry(exchange(sent), expected, retried, mayChangeState))
        {
            var final = exchange(sent).Final;
            retried.Add(final);
            await Task.Delay(final.Response is { } answer ? Wait(answer) : TransportRetry.Wait, time, cancellationToken);
            sent = await send();
        }

        return sent;
    }

    /// <summary>
    /// Why a last answer that is still transient gives no verdict, or null when it is judged: a status the request
    /// expects, not a transient one, or one with no bounded retry to make (<c>conformance.maxRetries=0</c>).
    /// </summary>
    /// <param name="made">The probe's bounded retries (<see cref="Count"/>).</param>
    public string? Inconclusive(ProbeResponse response, IReadOnlyCollection<int> expected, int made)
    {
        if (!Transient(response.Status) || expected.Contains(response.Status) || settings.MaxRetries == 0)
        {
            return null;
        }

        if (NotRepeated(response) is { } method)
        {
            return $"Inconclusive: {response.Status.ToString(CultureInfo.InvariantCulture)} {response.Reason} to a {method} that may change state, so it was not sent again (the API behind the gateway may have acted on it, and a second request could act twice); {Why(response.Status)}";
        }

        if (made < settings.MaxRetries)
        {
            // A bounded retry was left: the Retry-After asked for a longer wait than the run may make (ShouldRetry).
            var longest = settings.MaxRetryWait.TotalSeconds.ToString(CultureInfo.InvariantCulture);
            return $"Inconclusive: {response.Status.ToString(CultureInfo.InvariantCulture)} {response.Reason} with Retry-After: {response.Header("Retry-After")?.Trim()}, longer than conformance.maxRetryWaitSeconds ({longest} s), so it was not sent again before the target allows; {Why(response.Status)}";
        }

        return $"Inconclusive: still {response.Status.ToString(CultureInfo.InvariantCulture)} after {Retries(made)}; {Why(response.Status)}";
    }

    /// <summary>
    /// What a setup's first line adds when its last answer is still transient after its bounded retries
    /// (<c>, still after 2 bounded retries (conformance.maxRetries); ...</c>), or null when it was not sent again.
    /// </summary>
    public string? SetupStill(ProbeResponse response, int made) =>
        NotRepeated(response) is { } method ? $", not sent again: a {method} that may change state (the API behind the gateway may have acted on it); {Why(response.Status)}"
        : Transient(response.Status) && made > 0 ? $", still after {Retries(made)} (conformance.maxRetries); {Why(response.Status)}" : null;

    /// <summary>The method of the request <paramref name="response"/> answers when it was held back as one that may change state.</summary>
    private string? NotRepeated(ProbeResponse response) =>
        heldBack is { Response: { } answer } step && ReferenceEquals(answer, response) ? step.Request.Method : null;

    private static string Retries(int made) => $"{made.ToString(CultureInfo.InvariantCulture)} bounded retr{(made == 1 ? "y" : "ies")}";

    /// <summary>Whose answer a transient status is, and what to do about it.</summary>
    private static string Why(int status) => status switch
    {
        502 => "a gateway or proxy in front of the target answered, not the API: 502 Bad Gateway, it got no valid answer from the API behind it. Check that the API is up and that the gateway reaches it, then rerun",
        504 => "a gateway or proxy in front of the target answered, not the API: 504 Gateway Timeout, the API behind it did not answer the gateway in time. Check that the API is up and answers within the gateway's timeout, then rerun",
        _ => Throttled,
    };

    private bool ShouldRetry(ProbeExchange exchange, IReadOnlyCollection<int> expected, List<ProbeStep> retried, bool mayChangeState)
    {
        if (exchange.Response is not { } answer || !Transient(answer.Status))
        {
            return TransportRetry.Applies(exchange, mayChangeState)
                && retried.Count(s => s.Label == exchange.Final.Label && s.Response is null) < settings.TransportRetries;
        }

        if (expected.Contains(answer.Status) || Count(retried, exchange.Final) >= settings.MaxRetries)
        {
            return false;
        }

        if (answer.Status is 502 or 504 && !TransportRetry.Repeatable(exchange, mayChangeState))
        {
            heldBack = exchange.Final; // a 429 or 503 says the request was not acted on; a gateway's error does not
            return false;
        }

        return !RetryAfter.LongerThan(answer, settings.MaxRetryWait, time); // sent before the target allows, it is answered 429 again
    }

    /// <summary>The wait before a transient answer is sent again: its Retry-After (else 1 s), at most <c>conformance.maxRetryWaitSeconds</c>.</summary>
    private TimeSpan Wait(ProbeResponse response)
    {
        var wait = RetryAfter.Asked(response, time) ?? TimeSpan.FromSeconds(1);
        return wait > settings.MaxRetryWait ? settings.MaxRetryWait : wait;
    }
}
