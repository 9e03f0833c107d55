using Conformance.Engine;

namespace Conformance.Framework.Tests.Engine;

public sealed class SettingsArgumentsTests
{
    private const string Default = "/repo/runsettings/local.runsettings";

    private static string Full(string path) => "/work/" + path;

    [Test]
    public void WithDefault_NoSettingsGiven_AppendsDefaultFile()
    {
        var args = SettingsArguments.WithDefault(["--filter", "Category=4xx"], Default, _ => true, Full);

        Assert.That(args, Is.EqualTo(new[] { "--filter", "Category=4xx", "--settings", Default }));
    }

    [TestCase("--settings")]
    [TestCase("-s")]
    public void WithDefault_SettingsGiven_KeepsTheirsOnlyAsFullPath(string option)
    {
        var args = SettingsArguments.WithDefault([option, "staging.runsettings", "--report-trx"], Default, _ => true, Full);

        Assert.That(args, Is.EqualTo(new[] { "--settings", "/work/staging.runsettings", "--report-trx" }));
    }

    [TestCase("--settings=staging.runsettings")]
    [TestCase("--settings:staging.runsettings")]
    public void WithDefault_SettingsWithSeparator_KeepsTheirsOnlyAsFullPath(string arg)
    {
        var args = SettingsArguments.WithDefault([arg], Default, _ => true, Full);

        Assert.That(args, Is.EqualTo(new[] { "--settings", "/work/staging.runsettings" }));
    }

    [Test]
    public void WithDefault_SettingsWithoutValue_LeftForThePlatformToReport()
    {
        var args = SettingsArguments.WithDefault(["--settings"], Default, _ => true, Full);

        Assert.That(args, Is.EqualTo(new[] { "--settings" }));
    }

    [Test]
    public void WithDefault_RelativePathWithRealResolver_BecomesAbsolute()
    {
        var args = SettingsArguments.WithDefault(["--settings", "runsettings/staging.runsettings"], null, _ => true);

        Assert.That(args[1], Is.EqualTo(Path.Combine(Environment.CurrentDirectory, "runsettings", "staging.runsettings")));
    }

    [Test]
    public void WithDefault_DefaultFileMissing_AddsNothing()
    {
        var args = SettingsArguments.WithDefault(["--list-tests"], Default, _ => false, Full);

        Assert.That(args, Is.EqualTo(new[] { "--list-tests" }));
    }

    [Test]
    public void WithDefault_NoDefaultKnown_AddsNothing()
    {
        var args = SettingsArguments.WithDefault([], null, _ => true, Full);

        Assert.That(args, Is.Empty);
    }

    [TestCase(new[] { "--filter", "x", "--settings", "/a.runsettings" }, "/a.runsettings")]
    [TestCase(new[] { "-s", "/b.runsettings" }, "/b.runsettings")]
    [TestCase(new[] { "--settings=/c.runsettings" }, "/c.runsettings")]
    [TestCase(new[] { "--settings", "/a.runsettings", "--settings:/d.runsettings" }, "/d.runsettings")]
    [TestCase(new[] { "--settings" }, null)]
    [TestCase(new[] { "--list-tests" }, null)]
    public void Named_Arguments_TheLastSettingsFile(string[] args, string? expected) =>
        Assert.That(SettingsArguments.Named(args), Is.EqualTo(expected));
}
