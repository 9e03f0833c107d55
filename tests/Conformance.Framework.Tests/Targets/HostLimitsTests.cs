using Conformance.Diagnostics;
using Conformance.Framework.Tests.Engine;
using Conformance.Probing;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Targets;

/// <summary>
/// <c>conformance.hostRequestsPerSecond</c> and <c>conformance.hostConcurrency</c>: read as <c>&lt;api&gt;.requestsPerSecond</c>
/// and <c>&lt;api&gt;.concurrency</c> are, off unless set, one limit per scheme, host (in any case) and port.
/// </summary>
public sealed class HostLimitsTests
{
    private const string Fix = " Fix: Give the setting a value of the type the message names.";

    [TestCase("https://API.example.com/notes", "https://api.example.com:443/billing")]
    [TestCase("http://127.0.0.1:8080/a", "http://127.0.0.1:8080/b?x=1")]
    public void Key_SameSchemeHostAndPortInAnyCase_OneHost(string first, string second) =>
        Assert.That(HostLimits.Key(new Uri(first)), Is.EqualTo(HostLimits.Key(new Uri(second))));

    [TestCase("https://api.example.com/", "http://api.example.com/")]
    [TestCase("http://127.0.0.1:8080/", "http://127.0.0.1:8081/")]
    [TestCase("https://api.example.com/", "https://auth.example.com/")]
    public void Key_OtherSchemeHostOrPort_AnotherHost(string first, string second) =>
        Assert.That(HostLimits.Key(new Uri(first)), Is.Not.EqualTo(HostLimits.Key(new Uri(second))));

    [Test]
    public void Key_Url_SchemeHostAndPort() =>
        Assert.That(HostLimits.Key(new Uri("https://Gateway.Example.COM/api/v1")), Is.EqualTo("https://gateway.example.com:443"));

    [Test]
    public void For_NeitherSetting_NoHostLimits()
    {
        var errors = new List<Diagnostic>();

        var run = TargetResolver.ReadRun(Source(new Dictionary<string, string>()), errors);

        Assert.That((errors.Count, run.HostRequestsPerSecond, run.HostConcurrency, HostLimits.For(run)), Is.EqualTo((0, 0d, 0, (HostLimits?)null)));
    }

    [TestCase("2.5", "0.5", 2.5, 1)]
    [TestCase("0", "3", 0d, 3)]
    [TestCase("10", "2.9", 10d, 2)]
    public void ReadRun_HostSettings_ReadAsTheApisOwn(string rate, string concurrency, double expectedRate, int expectedConcurrency)
    {
        var errors = new List<Diagnostic>();

        var run = TargetResolver.ReadRun(Source(new() { ["conformance.hostRequestsPerSecond"] = rate, ["conformance.hostConcurrency"] = concurrency }), errors);

        using var hosts = HostLimits.For(run);
        Assert.That((errors.Count, run.HostRequestsPerSecond, run.HostConcurrency, hosts is null), Is.EqualTo((0, expectedRate, expectedConcurrency, false)), "a fraction of a slot is one slot, as for <api>.concurrency");
    }

    [Test]
    public void ReadRun_BadHostSettings_Ct0303ListedWithTheOthers()
    {
        var errors = new List<Diagnostic>();

        TargetResolver.ReadRun(Source(new() { ["conformance.hostRequestsPerSecond"] = "Infinity", ["conformance.hostConcurrency"] = "-1", ["conformance.maxRetries"] = "soon" }), errors);

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "runsettings:conformance.maxRetries(1,1): error CT0303: 'soon' is not a non-negative number, conformance.maxRetries (or CONFORMANCE_CONFORMANCE_MAXRETRIES) takes a number." + Fix,
            "runsettings:conformance.hostRequestsPerSecond(1,1): error CT0303: 'Infinity' is more than 1000000 requests a second, conformance.hostRequestsPerSecond (or CONFORMANCE_CONFORMANCE_HOSTREQUESTSPERSECOND) takes 0 (no pacing) or a number from 0.0000116 (about one a day) to 1000000." + Fix,
            "runsettings:conformance.hostConcurrency(1,1): error CT0303: '-1' is not a non-negative number, conformance.hostConcurrency (or CONFORMANCE_CONFORMANCE_HOSTCONCURRENCY) takes a number." + Fix,
        }));
    }

    [Test]
    public void Unknown_MisspeltHostSettings_Ct0305WithTheIntendedOne() =>
        Assert.That(SettingNames.Unknown(new SettingsSource(_ => null, _ => null, () => ["conformance.hostconcurrency"], () => ["CONFORMANCE_CONFORMANCE_HOSTREQUESTPERSECOND"]), [EngineHarness.Demo.Pack!]).Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "environment:CONFORMANCE_CONFORMANCE_HOSTREQUESTPERSECOND(1,1): error CT0305: Unknown setting 'CONFORMANCE_CONFORMANCE_HOSTREQUESTPERSECOND', no setting has that name, so its value is not used. Fix: Use a setting the README's settings table lists (CONFORMANCE_<API>_<KEY> in the environment, <api>.<key> in runsettings). Did you mean 'CONFORMANCE_CONFORMANCE_HOSTREQUESTSPERSECOND'?",
            "runsettings:conformance.hostconcurrency(1,1): error CT0305: Unknown setting 'conformance.hostconcurrency', setting names are case-sensitive, so no setting has that name and its value is not used. Fix: Use a setting the README's settings table lists (CONFORMANCE_<API>_<KEY> in the environment, <api>.<key> in runsettings). Did you mean 'conformance.hostConcurrency'?",
        }));

    [Test]
    public void Unknown_HostSettingsSpeltRight_NothingReported() =>
        Assert.That(SettingNames.Unknown(new SettingsSource(_ => null, _ => null, () => ["conformance.hostConcurrency"], () => ["CONFORMANCE_CONFORMANCE_HOSTREQUESTSPERSECOND"]), [EngineHarness.Demo.Pack!]), Is.Empty);

    [TestCase("https://auth.example.com/oauth/token", "https://auth.example.com/oauth/token")]
    [TestCase("/v1/notes", "https://api.example.com/v1/")]
    public void Destination_Request_ItsOwnUrlElseTheBaseUrl(string path, string expected)
    {
        var options = new TargetOptions("t", new Uri("https://api.example.com/v1/"), null, false, 1, 0, TimeSpan.FromSeconds(5), 1 << 20, false);
        using var client = new TargetClient(options, null, new RequestBudget(10));

        Assert.That(client.Destination(new ProbeRequest("POST", path, [], [], null, null, null)), Is.EqualTo(new Uri(expected)), "a token request counts for the token URL's host");
    }

    private static SettingsSource Source(Dictionary<string, string> values) => new(values.GetValueOrDefault, _ => null);
}
