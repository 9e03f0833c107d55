using Conformance.Diagnostics;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Targets;

/// <summary>
/// <c>conformance.allowedHosts</c> entries: host names and <c>*.</c> wildcards allow; an entry that could never match a
/// host (a URL, a port, a path, a stray <c>*</c>) is CT0303 with what it should read. Before, such an entry was kept and
/// matched nothing, so a run with <c>allowedHosts=https://staging.example.com</c> refused its own staging host (CT0302).
/// </summary>
public sealed class HostAllowListTests
{
    [TestCase("staging.example.com", "staging.example.com", true)]
    [TestCase("staging.example.com", "STAGING.Example.com", true)]
    [TestCase("staging.example.com.", "staging.example.com", true)]
    [TestCase("staging.example.com", "api.staging.example.com", false)]
    [TestCase("*.staging.example.com", "api.staging.example.com", true)]
    [TestCase("*.staging.example.com", "a.b.staging.example.com", true)]
    [TestCase("*.staging.example.com", "staging.example.com", false)]
    [TestCase("*.staging.example.com", "evilstaging.example.com", false)]
    [TestCase("*.staging.example.com", "staging.example.com.evil.test", false)]
    [TestCase("10.0.0.7", "10.0.0.7", true)]
    [TestCase("[::1]", "[::1]", true)]
    [TestCase("a.test, b.test", "b.test", true)]
    [TestCase("a.test, b.test", "c.test", false)]
    public void Allows_Host_AsListed(string setting, string host, bool allowed)
    {
        var errors = new List<Diagnostic>();

        var list = HostAllowList.Read(setting, errors);

        Assert.Multiple(() =>
        {
            Assert.That(list.Allows(host), Is.EqualTo(allowed));
            Assert.That(errors, Is.Empty);
        });
    }

    [Test]
    public void Allows_NothingListed_EveryHost()
    {
        var list = HostAllowList.Read(" , ", []);

        Assert.Multiple(() =>
        {
            Assert.That(list.IsEmpty, Is.True);
            Assert.That(list.Allows("production.example.com"), Is.True);
        });
    }

    [TestCase("https://staging.example.com/api", "'https://staging.example.com/api' is a URL, not a host name | Write its host alone: did you mean 'staging.example.com'?")]
    [TestCase("staging.example.com:8443", "'staging.example.com:8443' has a port | Write its host alone: did you mean 'staging.example.com'?")]
    [TestCase("staging.example.com/v2", "'staging.example.com/v2' has a path | Write its host alone: did you mean 'staging.example.com'?")]
    [TestCase("[::1]:8080", "'[::1]:8080' has a port | Write its host alone: did you mean '[::1]'?")]
    [TestCase("*", "'*' is not a host name | Leave conformance.allowedHosts unset to allow every host, or list the hosts (*.example.com allows every name below example.com).")]
    [TestCase("api.*.example.com", "'api.*.example.com' is not a host name | Write a host name such as staging.example.com, or *.staging.example.com for every name below it.")]
    [TestCase("staging example.com", "'staging example.com' is not a host name | Write a host name such as staging.example.com, or *.staging.example.com for every name below it.")]
    [TestCase("http://", "'http://' is not a host name | Write the host alone, such as staging.example.com.")]
    public void Read_EntryThatMatchesNoHost_CT0303WithWhatItShouldRead(string entry, string expected)
    {
        var errors = new List<Diagnostic>();

        var list = HostAllowList.Read($"ok.example.com, {entry}", errors);

        Assert.Multiple(() =>
        {
            Assert.That(errors.Select(e => $"{e.What} | {e.Fix}"), Is.EqualTo(new[] { expected }));
            Assert.That(errors.Single().Why, Is.EqualTo("conformance.allowedHosts (or CONFORMANCE_CONFORMANCE_ALLOWEDHOSTS) lists host names, each compared with the host of a base URL or token URL alone, so this entry would match none"));
            Assert.That(list.Entries, Is.EqualTo(new[] { "ok.example.com" }));
        });
    }
}
