using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Framework.Tests.Engine;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Targets;

/// <summary>
/// A setting's error points where its value came from: the environment variable that set it (which wins over the
/// runsettings), not a runsettings parameter the file may not even have.
/// </summary>
public sealed class SettingOriginTests
{
    [Test]
    public void ConformanceRun_BaseUrlFromTheEnvironmentOnAHostNotAllowed_ErrorAtTheEnvironmentVariable()
    {
        using var run = Run(new() { ["conformance.allowedHosts"] = "staging.example.com" }, new() { ["CONFORMANCE_DEMO_BASEURL"] = "http://127.0.0.1:9/" });

        Assert.That(run.TargetErrors("demo").Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "environment:CONFORMANCE_DEMO_BASEURL(1,1): error CT0302: Host '127.0.0.1' is not in conformance.allowedHosts (staging.example.com), no request is sent to a host the run does not allow. Fix: Add the host to conformance.allowedHosts, or point the pack at an allowed host.",
        }));
    }

    [Test]
    public void ConformanceRun_RunSettingFromTheEnvironmentNotANumber_ErrorAtTheEnvironmentVariable()
    {
        using var run = Run(new() { ["demo.baseUrl"] = "http://127.0.0.1:9/" }, new() { ["CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS"] = "soon" });

        Assert.That(run.RunSettingErrors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "environment:CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS(1,1): error CT0303: 'soon' is not a non-negative number, conformance.timeoutSeconds (or CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) takes a number. Fix: Give the setting a value of the type the message names.",
        }));
    }

    [Test]
    public void ConformanceRun_SettingFromTheRunsettingsBesideOthersFromTheEnvironment_ErrorStaysAtTheRunsettings()
    {
        using var run = Run(new() { ["demo.concurrency"] = "many" }, new() { ["CONFORMANCE_DEMO_BASEURL"] = "http://127.0.0.1:9/", ["CONFORMANCE_DEMO_REQUESTSPERSECOND"] = "-1" });

        Assert.That(run.TargetErrors("demo").Select(e => e.Location.Path), Is.EqualTo(new[] { "runsettings:demo.concurrency", "environment:CONFORMANCE_DEMO_REQUESTSPERSECOND" }));
    }

    private static ConformanceRun Run(Dictionary<string, string> runsettings, Dictionary<string, string> environment) =>
        new(new ContractSet([EngineHarness.Demo]), new SettingsSource(runsettings.GetValueOrDefault, environment.GetValueOrDefault), null);
}
