using System.Globalization;
using Conformance.Targets;

namespace Conformance.Engine;

/// <summary>
/// The message of a case an open <see cref="CaseBreaker"/> does not send: the streak that opened it, the rule, and, when it
/// paused (<c>conformance.circuitBreakerPauseSeconds</c>), when it opened and the trial cases it tried.
/// </summary>
internal static class BreakerMessage
{
    /// <summary>The words <see cref="CaseBreaker.SetupNotSent"/> extends with the setup held back.</summary>
    public const string NoneSent = "and no request was sent";

    /// <param name="streak">The cases that opened it, each with its cause, in the order they ended.</param>
    /// <param name="tried">The trial cases, each of which counted too; none when it did not pause.</param>
    /// <param name="openedAt">When it opened (UTC), for a message that names trials.</param>
    public static string Open(string api, IReadOnlyList<(string Case, string Cause)> streak, IReadOnlyList<(string Case, string Cause)> tried, DateTimeOffset openedAt, RunSettings settings)
    {
        var groups = streak.GroupBy(s => s.Cause).Select(g => $"{g.Key} ({string.Join(", ", g.Select(s => s.Case))})");
        var head = $"The last {Number(streak.Count)} cases of {api} ended {string.Join(" and ", groups)}; conformance.circuitBreaker={Number(settings.CircuitBreaker)} stops sending to an API once that many of its cases in a row end throttled or unavailable (429, 502, 503 or 504 after their retries) or unreachable";
        if (tried.Count == 0)
        {
            return $"{head}, {NoneSent}. Rerun later, or raise it (0 turns it off).";
        }

        var seconds = settings.CircuitBreakerPause.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        var cases = string.Join("; ", tried.Select(t => $"{t.Case}: {t.Cause}"));
        var how = tried.Count == 1
            ? $"paused {seconds} s and tried 1 case ({cases}), which counted too"
            : $"paused {seconds} s before each of {Number(tried.Count)} trial cases ({cases}), and each counted too";
        var opened = openedAt.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        return $"{head}. It opened at {opened} UTC, {how} (conformance.circuitBreakerPauseSeconds={seconds}, conformance.circuitBreakerTrials={Number(settings.CircuitBreakerTrials)}), so it stays open for the rest of the run, {NoneSent}. Rerun later, or raise either setting.";
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
