using Conformance.Diagnostics;
using Conformance.Targets;
using Conformance.Framework.Tests.Engine;

namespace Conformance.Framework.Tests.Targets;

/// <summary>
/// Numbers that parse but no timer, HTTP client or counter can take (<c>Infinity</c>, <c>1e300</c>, a timeout of a
/// month): CT0303 listed with every other setting's error, never an exception while the settings are read.
/// </summary>
public sealed class SettingRangeTests
{
    private const string Fix = " Fix: Give the setting a value of the type the message names.";

    [TestCase("Infinity")]
    [TestCase("1e300")]
    [TestCase("86401")]
    public void ReadRun_SecondsBeyondADay_EveryErrorListed(string value)
    {
        var values = new Dictionary<string, string>
        {
            ["conformance.timeoutSeconds"] = value,
            ["conformance.maxRetryWaitSeconds"] = value,
            ["conformance.maxRetries"] = "soon",
        };
        var errors = new List<Diagnostic>();

        TargetResolver.ReadRun(new SettingsSource(values.GetValueOrDefault, _ => null), errors);

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            $"runsettings:conformance.timeoutSeconds(1,1): error CT0303: '{value}' is more than 86400 seconds (a day), conformance.timeoutSeconds (or CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) takes a number of seconds from 0 to 86400." + Fix,
            "runsettings:conformance.maxRetries(1,1): error CT0303: 'soon' is not a non-negative number, conformance.maxRetries (or CONFORMANCE_CONFORMANCE_MAXRETRIES) takes a number." + Fix,
            $"runsettings:conformance.maxRetryWaitSeconds(1,1): error CT0303: '{value}' is more than 86400 seconds (a day), conformance.maxRetryWaitSeconds (or CONFORMANCE_CONFORMANCE_MAXRETRYWAITSECONDS) takes a number of seconds from 0 to 86400." + Fix,
        }));
    }

    [Test]
    public void ReadRun_ADayOfSeconds_Taken()
    {
        var values = new Dictionary<string, string> { ["conformance.timeoutSeconds"] = "86400", ["conformance.maxRetryWaitSeconds"] = "0.5" };
        var errors = new List<Diagnostic>();

        var run = TargetResolver.ReadRun(new SettingsSource(values.GetValueOrDefault, _ => null), errors);

        Assert.That((errors.Count, run.Timeout, run.MaxRetryWait), Is.EqualTo((0, TimeSpan.FromDays(1), TimeSpan.FromMilliseconds(500))));
    }

    [TestCase("Infinity", "'Infinity' is more than 1000000 requests a second, demo.requestsPerSecond (or CONFORMANCE_DEMO_REQUESTSPERSECOND) takes a number from 0 (no pacing) to 1000000.")]
    [TestCase("1e7", "'1e7' is more than 1000000 requests a second, demo.requestsPerSecond (or CONFORMANCE_DEMO_REQUESTSPERSECOND) takes a number from 0 (no pacing) to 1000000.")]
    public void Resolve_RequestsPerSecondInfinite_Ct0303(string value, string expected)
    {
        var values = new Dictionary<string, string> { ["demo.baseUrl"] = "https://staging.example.test/", ["demo.requestsPerSecond"] = value };
        var source = new SettingsSource(values.GetValueOrDefault, _ => null);
        var errors = new List<Diagnostic>();

        TargetResolver.Resolve(EngineHarness.Demo.Pack!, source, RunSettings.Default, null, errors);

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[] { "runsettings:demo.requestsPerSecond(1,1): error CT0303: " + expected + Fix }));
    }
}
