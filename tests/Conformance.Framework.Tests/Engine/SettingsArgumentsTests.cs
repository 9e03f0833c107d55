using Conformance.Engine;

namespace Conformance.Framework.Tests.Engine;

public sealed class SettingsArgumentsTests
{
    private const string Default = "/repo/runsettings/local.runsettings";

    [Test]
    public void WithDefault_NoSettingsGiven_AppendsDefaultFile()
    {
        var args = SettingsArguments.WithDefault(["--filter", "Category=4xx"], Default, _ => true);

        Assert.That(args, Is.EqualTo(new[] { "--filter", "Category=4xx", "--settings", Default }));
    }

    [TestCase("--settings")]
    [TestCase("-s")]
    public void WithDefault_SettingsGiven_KeepsTheirsOnly(string option)
    {
        var args = SettingsArguments.WithDefault([option, "staging.runsettings"], Default, _ => true);

        Assert.That(args, Is.EqualTo(new[] { "--settings", "staging.runsettings" }));
    }

    [Test]
    public void WithDefault_SettingsWithEquals_KeepsTheirsOnly()
    {
        var args = SettingsArguments.WithDefault(["--settings=staging.runsettings"], Default, _ => true);

        Assert.That(args, Is.EqualTo(new[] { "--settings=staging.runsettings" }));
    }

    [Test]
    public void WithDefault_DefaultFileMissing_AddsNothing()
    {
        var args = SettingsArguments.WithDefault(["--list-tests"], Default, _ => false);

        Assert.That(args, Is.EqualTo(new[] { "--list-tests" }));
    }

    [Test]
    public void WithDefault_NoDefaultKnown_AddsNothing()
    {
        var args = SettingsArguments.WithDefault([], null, _ => true);

        Assert.That(args, Is.Empty);
    }
}
