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
            $"runsettings:conformance.timeoutSeconds(1,1): error CT0303: '{value}' is more than 86400 seconds (a day), conformance.timeoutSeconds (or CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) takes a number of seconds from 0.001 to 86400." + Fix,
            "runsettings:conformance.maxRetries(1,1): error CT0303: 'soon' is not a non-negative number, conformance.maxRetries (or CONFORMANCE_CONFORMANCE_MAXRETRIES) takes a number." + Fix,
            $"runsettings:conformance.maxRetryWaitSeconds(1,1): error CT0303: '{value}' is more than 86400 seconds (a day), conformance.maxRetryWaitSeconds (or CONFORMANCE_CONFORMANCE_MAXRETRYWAITSECONDS) takes a number of seconds from 0 to 86400." + Fix,
        }));
    }

    [TestCase("0")]
    [TestCase("1e-300")]
    [TestCase("0.0009")]
    public void ReadRun_TimeoutOfNoTime_CT0303InsteadOfAThrowInTheSetup(string value)
    {
        var errors = new List<Diagnostic>();

        var run = TargetResolver.ReadRun(new SettingsSource(name => name == "conformance.timeoutSeconds" ? value : null, _ => null), errors);

        Assert.Multiple(() =>
        {
            Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
            {
                $"runsettings:conformance.timeoutSeconds(1,1): error CT0303: '{value}' is less than a millisecond (0.001), a time no request can be answered in, conformance.timeoutSeconds (or CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) takes a number of seconds from 0.001 to 86400." + Fix,
            }));
            Assert.That(run.Timeout, Is.EqualTo(RunSettings.Default.Timeout));
        });
    }

    [Test]
    public void ReadRun_AMillisecondTimeout_Taken()
    {
        var errors = new List<Diagnostic>();

        var run = TargetResolver.ReadRun(new SettingsSource(name => name == "conformance.timeoutSeconds" ? "0.001" : null, _ => null), errors);

        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty);
            Assert.That(run.Timeout, Is.EqualTo(TimeSpan.FromMilliseconds(1)));
        });
    }

    [Test]
    public void ReadRun_ADayOfSeconds_Taken()
    {
        var values = new Dictionary<string, string> { ["conformance.timeoutSeconds"] = "86400", ["conformance.maxRetryWaitSeconds"] = "0.5" };
        var errors = new List<Diagnostic>();

        var run = TargetResolver.ReadRun(new SettingsSource(values.GetValueOrDefault, _ => null), errors);

        Assert.That((errors.Count, run.Timeout, run.MaxRetryWait), Is.EqualTo((0, TimeSpan.FromDays(1), TimeSpan.FromMilliseconds(500))));
    }

    [TestCase("Infinity", "'Infinity' is more than 1000000 requests a second, demo.requestsPerSecond (or CONFORMANCE_DEMO_REQUESTSPERSECOND) takes 0 (no pacing) or a number from 0.0000116 (about one a day) to 1000000.")]
    [TestCase("1e7", "'1e7' is more than 1000000 requests a second, demo.requestsPerSecond (or CONFORMANCE_DEMO_REQUESTSPERSECOND) takes 0 (no pacing) or a number from 0.0000116 (about one a day) to 1000000.")]
    [TestCase("1e-300", "'1e-300' is less than about one request a day (0.0000116), demo.requestsPerSecond (or CONFORMANCE_DEMO_REQUESTSPERSECOND) takes 0 (no pacing) or a number from 0.0000116 (about one a day) to 1000000.")]
    [TestCase("0.00001", "'0.00001' is less than about one request a day (0.0000116), demo.requestsPerSecond (or CONFORMANCE_DEMO_REQUESTSPERSECOND) takes 0 (no pacing) or a number from 0.0000116 (about one a day) to 1000000.")]
    public void Resolve_RequestsPerSecondInfinite_Ct0303(string value, string expected)
    {
        var values = new Dictionary<string, string> { ["demo.baseUrl"] = "https://staging.example.test/", ["demo.requestsPerSecond"] = value };
        var source = new SettingsSource(values.GetValueOrDefault, _ => null);
        var errors = new List<Diagnostic>();

        TargetResolver.Resolve(EngineHarness.Demo.Pack!, source, RunSettings.Default, null, errors);

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[] { "runsettings:demo.requestsPerSecond(1,1): error CT0303: " + expected + Fix }));
    }

    [TestCase("conformance.maxBodyBytes", "2147483647", "'2147483647' is more than 1073741824 bytes (1 GiB), conformance.maxBodyBytes (or CONFORMANCE_CONFORMANCE_MAXBODYBYTES) takes a number of bytes from 0 to 1073741824 (1 GiB).")]
    [TestCase("conformance.maxBodyBytes", "1e20", "'1e20' is more than 1073741824 bytes (1 GiB), conformance.maxBodyBytes (or CONFORMANCE_CONFORMANCE_MAXBODYBYTES) takes a number of bytes from 0 to 1073741824 (1 GiB).")]
    [TestCase("conformance.requestBudget", "1e20", "'1e20' is more than 2147483647 requests, conformance.requestBudget (or CONFORMANCE_CONFORMANCE_REQUESTBUDGET) takes a number of requests from 0 to 2147483647.")]
    [TestCase("conformance.maxRetries", "101", "'101' is more than 100 retries, conformance.maxRetries (or CONFORMANCE_CONFORMANCE_MAXRETRIES) takes a number of retries from 0 to 100.")]
    [TestCase("conformance.hostRequestsPerSecond", "1e-300", "'1e-300' is less than about one request a day (0.0000116), conformance.hostRequestsPerSecond (or CONFORMANCE_CONFORMANCE_HOSTREQUESTSPERSECOND) takes 0 (no pacing) or a number from 0.0000116 (about one a day) to 1000000.")]
    [TestCase("conformance.hostConcurrency", "1e20", "'1e20' is more than 10000 requests at once, conformance.hostConcurrency (or CONFORMANCE_CONFORMANCE_HOSTCONCURRENCY) takes a number from 0 to 10000.")]
    public void ReadRun_CountBeyondWhatItHolds_Ct0303(string key, string value, string expected)
    {
        var errors = new List<Diagnostic>();

        var run = TargetResolver.ReadRun(new SettingsSource(new Dictionary<string, string> { [key] = value }.GetValueOrDefault, _ => null), errors);

        Assert.Multiple(() =>
        {
            Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[] { $"runsettings:{key}(1,1): error CT0303: " + expected + Fix }));
            Assert.That((run.MaxBodyBytes, run.RequestBudget, run.MaxRetries, run.HostConcurrency), Is.EqualTo((RunSettings.Default.MaxBodyBytes, RunSettings.Default.RequestBudget, RunSettings.Default.MaxRetries, 0)), "the defaults, not the number cut to 32 bits");
        });
    }

    [Test]
    public void ReadRun_TheLargestCounts_Taken()
    {
        var values = new Dictionary<string, string>
        {
            ["conformance.maxBodyBytes"] = "1073741824", ["conformance.requestBudget"] = "2147483647", ["conformance.maxRetries"] = "100", ["conformance.hostConcurrency"] = "10000",
        };
        var errors = new List<Diagnostic>();

        var run = TargetResolver.ReadRun(new SettingsSource(values.GetValueOrDefault, _ => null), errors);

        Assert.That((errors.Count, run.MaxBodyBytes, run.RequestBudget, run.MaxRetries, run.HostConcurrency), Is.EqualTo((0, 1 << 30, int.MaxValue, 100, 10_000)));
    }

    [Test]
    public void Resolve_ConcurrencyBeyondWhatItHolds_Ct0303()
    {
        var values = new Dictionary<string, string> { ["demo.baseUrl"] = "https://staging.example.test/", ["demo.concurrency"] = "1e20" };
        var errors = new List<Diagnostic>();

        TargetResolver.Resolve(EngineHarness.Demo.Pack!, new SettingsSource(values.GetValueOrDefault, _ => null), RunSettings.Default, null, errors);

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[] { "runsettings:demo.concurrency(1,1): error CT0303: '1e20' is more than 10000 requests at once, demo.concurrency (or CONFORMANCE_DEMO_CONCURRENCY) takes a number from 0 to 10000." + Fix }));
    }

    [TestCase("true\n", true)]
    [TestCase(" TRUE ", true)]
    [TestCase("false", false)]
    public void Resolve_AllowMutationWithWhitespaceOrCase_ReadAsTheSwitchItNames(string value, bool allowed)
    {
        var values = new Dictionary<string, string> { ["demo.baseUrl"] = "https://staging.example.test/", ["demo.allowMutation"] = value };
        var errors = new List<Diagnostic>();

        var target = TargetResolver.Resolve(EngineHarness.Demo.Pack!, new SettingsSource(values.GetValueOrDefault, _ => null), RunSettings.Default, null, errors);

        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty);
            Assert.That(target!.AllowMutation, Is.EqualTo(allowed));
        });
    }

    [TestCase("ture")]
    [TestCase("yes")]
    public void Resolve_AllowMutationNotASwitch_Ct0303InsteadOfMutatingRowsSkipped(string value)
    {
        var values = new Dictionary<string, string> { ["demo.baseUrl"] = "https://staging.example.test/", ["demo.allowMutation"] = value };
        var errors = new List<Diagnostic>();

        TargetResolver.Resolve(EngineHarness.Demo.Pack!, new SettingsSource(values.GetValueOrDefault, _ => null), RunSettings.Default, null, errors);

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            $"runsettings:demo.allowMutation(1,1): error CT0303: '{value}' is not true or false, demo.allowMutation (or CONFORMANCE_DEMO_ALLOWMUTATION) is a switch." + Fix,
        }));
    }
}
