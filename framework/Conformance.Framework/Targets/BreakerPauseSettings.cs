using System.Globalization;
using Conformance.Diagnostics;

namespace Conformance.Targets;

/// <summary>
/// <c>conformance.circuitBreakerPauseSeconds</c> and <c>conformance.circuitBreakerTrials</c>, read with the run's other
/// settings: a bad value is CT0303, listed with every other setting's error, and the run sends nothing.
/// </summary>
internal static class BreakerPauseSettings
{
    /// <summary>A day, as the other seconds settings (<see cref="NumberLimit.MaxSeconds"/>).</summary>
    public const int MaxPauseSeconds = NumberLimit.MaxSeconds;

    /// <summary>The pause, in seconds with decimals as the other seconds settings; zero (the default) when unset.</summary>
    public static TimeSpan Pause(SettingsSource source, List<Diagnostic> errors)
    {
        var text = source.Get("conformance", "circuitBreakerPauseSeconds");
        if (text is null)
        {
            return TimeSpan.Zero;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= MaxPauseSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        errors.Add(TargetResolver.Error(ErrorCodes.InvalidSetting, "conformance", "circuitBreakerPauseSeconds", $"{SettingValue.Quoted(text)} is not a number of seconds from 0 to {MaxPauseSeconds.ToString(CultureInfo.InvariantCulture)}",
            $"{SettingsSource.Describe("conformance", "circuitBreakerPauseSeconds")} takes how long an API's open circuit breaker holds the cases it has not sent before it tries one of them (0, the default, does not pause)"));
        return TimeSpan.Zero;
    }

    /// <summary>How many times the breaker may pause from each opening: a whole number of 1 or more.</summary>
    public static int Trials(SettingsSource source, int fallback, List<Diagnostic> errors) =>
        TargetResolver.Count(source, "conformance", "circuitBreakerTrials", fallback,
            "how many times an API's open circuit breaker may pause and try one case before it stays open (1 by default; only with conformance.circuitBreakerPauseSeconds)", errors, min: 1);
}
