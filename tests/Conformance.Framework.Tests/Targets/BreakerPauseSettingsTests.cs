using Conformance.Diagnostics;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Targets;

/// <summary>
/// <c>conformance.circuitBreakerPauseSeconds</c> and <c>conformance.circuitBreakerTrials</c>: read with the run's other
/// settings, a bad value listed with every other setting's error (CT0303), never replaced by the default.
/// </summary>
public sealed class BreakerPauseSettingsTests
{
    private const string Fix = " Fix: Give the setting a value of the type the message names.";

    [TestCase("-1", "0")]
    [TestCase("soon", "2.5")]
    [TestCase("Infinity", "three")]
    [TestCase("86401", "-1")]
    [TestCase("NaN", "1e3")]
    public void ReadRun_PauseOrTrialsInvalid_EveryErrorListed(string pause, string trials)
    {
        var values = new Dictionary<string, string>
        {
            ["conformance.timeoutSeconds"] = "soon",
            ["conformance.circuitBreakerPauseSeconds"] = pause,
            ["conformance.circuitBreakerTrials"] = trials,
        };
        var errors = new List<Diagnostic>();

        TargetResolver.ReadRun(new SettingsSource(values.GetValueOrDefault, _ => null), errors);

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "runsettings:conformance.timeoutSeconds(1,1): error CT0303: 'soon' is not a non-negative number, conformance.timeoutSeconds (or CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) takes a number." + Fix,
            $"runsettings:conformance.circuitBreakerPauseSeconds(1,1): error CT0303: '{pause}' is not a number of seconds from 0 to 86400, conformance.circuitBreakerPauseSeconds (or CONFORMANCE_CONFORMANCE_CIRCUITBREAKERPAUSESECONDS) takes how long an API's open circuit breaker holds the cases it has not sent before it tries one of them (0, the default, does not pause)." + Fix,
            $"runsettings:conformance.circuitBreakerTrials(1,1): error CT0303: '{trials}' is not a whole number of 1 or more, conformance.circuitBreakerTrials (or CONFORMANCE_CONFORMANCE_CIRCUITBREAKERTRIALS) takes how many times an API's open circuit breaker may pause and try one case before it stays open (1 by default; only with conformance.circuitBreakerPauseSeconds)." + Fix,
        }));
    }

    [Test]
    public void ReadRun_PauseAndTrials_NoPauseByDefaultDecimalsTakenOneTrial()
    {
        RunSettings Read(string? pause, string? trials) => TargetResolver.ReadRun(new SettingsSource(name => name switch
        {
            "conformance.circuitBreakerPauseSeconds" => pause,
            "conformance.circuitBreakerTrials" => trials,
            _ => null,
        }, _ => null), []);

        Assert.That(
            new[] { Read(null, null), Read("0.5", null), Read("90", "3"), Read("0", "2") }.Select(r => (r.CircuitBreakerPause, r.CircuitBreakerTrials)),
            Is.EqualTo(new[] { (TimeSpan.Zero, 1), (TimeSpan.FromMilliseconds(500), 1), (TimeSpan.FromSeconds(90), 3), (TimeSpan.Zero, 2) }));
    }

    [Test]
    public void ReadRun_PauseFromTheEnvironment_ErrorPlacedThere()
    {
        var errors = new List<Diagnostic>();
        var source = new SettingsSource(_ => null, name => name == "CONFORMANCE_CONFORMANCE_CIRCUITBREAKERPAUSESECONDS" ? "a minute" : null);

        TargetResolver.ReadRun(source, errors);

        Assert.That(errors.Select(e => source.FromItsOrigin(e).ToString()), Is.EqualTo(new[]
        {
            "environment:CONFORMANCE_CONFORMANCE_CIRCUITBREAKERPAUSESECONDS(1,1): error CT0303: 'a minute' is not a number of seconds from 0 to 86400, conformance.circuitBreakerPauseSeconds (or CONFORMANCE_CONFORMANCE_CIRCUITBREAKERPAUSESECONDS) takes how long an API's open circuit breaker holds the cases it has not sent before it tries one of them (0, the default, does not pause)." + Fix,
        }));
    }

    [Test]
    public void Unknown_PauseAndTrialsInRunsettingsAndEnvironment_AreSettings() =>
        Assert.That(SettingNames.Unknown(new SettingsSource(_ => null, _ => "1", () => ["conformance.circuitBreakerPauseSeconds", "conformance.circuitBreakerTrials"], () => ["CONFORMANCE_CONFORMANCE_CIRCUITBREAKERPAUSESECONDS", "CONFORMANCE_CONFORMANCE_CIRCUITBREAKERTRIALS"]), []), Is.Empty);
}
