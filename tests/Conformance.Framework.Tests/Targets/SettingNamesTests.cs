using Conformance.Contracts;
using Conformance.Diagnostics;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Targets;

/// <summary><see cref="SettingNames.Unknown"/>: a misspelt setting is reported with the one it was meant to be, never ignored.</summary>
public sealed class SettingNamesTests
{
    private static readonly ApiPack Vars = PackLoader.Load(Path.Combine(AppContext.BaseDirectory, "Packs", "vars"), AppContext.BaseDirectory).Pack!;

    private static IEnumerable<string> Unknown(string[] environment, string[] runParameters) =>
        SettingNames.Unknown(new SettingsSource(_ => null, _ => null, () => runParameters, () => environment), [Vars]).Select(d => d.ToString());

    private static IEnumerable<string> Apis(params string[] paths) =>
        paths.Select(p => string.Join(",", SettingNames.Apis(new SourceLocation(p, 1, 1), ["notes", "my_api", "my"])));

    [Test]
    public void Unknown_MisspeltEnvironmentVariable_ReportedWithTheIntendedOne() =>
        Assert.That(Unknown(["CONFORMANCE_VARS_BASEURLL", "PATH"], []), Is.EqualTo(new[]
        {
            "environment:CONFORMANCE_VARS_BASEURLL(1,1): error CT0305: Unknown setting 'CONFORMANCE_VARS_BASEURLL', no setting has that name, so its value is not used. Fix: Use a setting the README's settings table lists (CONFORMANCE_<API>_<KEY> in the environment, <api>.<key> in runsettings). Did you mean 'CONFORMANCE_VARS_BASEURL'?",
        }));

    [Test]
    public void Unknown_EnvironmentVariableInLowerCase_ReportedWithTheNameItMeant() =>
        Assert.That(Unknown(["conformance_vars_baseurl", "Conformance_Allure_Results"], []), Is.EqualTo(new[]
        {
            "environment:Conformance_Allure_Results(1,1): error CT0305: Unknown setting 'Conformance_Allure_Results', setting names are case-sensitive, so no setting has that name and its value is not used. Fix: Use a setting the README's settings table lists (CONFORMANCE_<API>_<KEY> in the environment, <api>.<key> in runsettings). Did you mean 'CONFORMANCE_ALLURE_RESULTS'?",
            "environment:conformance_vars_baseurl(1,1): error CT0305: Unknown setting 'conformance_vars_baseurl', setting names are case-sensitive, so no setting has that name and its value is not used. Fix: Use a setting the README's settings table lists (CONFORMANCE_<API>_<KEY> in the environment, <api>.<key> in runsettings). Did you mean 'CONFORMANCE_VARS_BASEURL'?",
        }), "before: not reported, and the run went to the embedded reference API");

    [Test]
    public void Unknown_KnownEnvironmentVariableSetButEmpty_ReportedAsEmpty()
    {
        var environment = new Dictionary<string, string> { ["CONFORMANCE_VARS_BASEURL"] = " ", ["CONFORMANCE_VARS_TOKEN"] = "t", ["CONFORMANCE_ALLURE_RESULTS"] = "" };
        var source = new SettingsSource(_ => null, environment.GetValueOrDefault, () => [], () => environment.Keys);

        Assert.That(SettingNames.Unknown(source, [Vars]).Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "environment:CONFORMANCE_VARS_BASEURL(1,1): error CT0303: Environment variable 'CONFORMANCE_VARS_BASEURL' is set but empty, an empty value counts as not set, so the runsettings value or the default is used (for a base URL: the embedded reference API); in CI the variable or secret it reads may be undefined. Fix: Give it a value, or remove it from the environment.",
        }));
    }

    [Test]
    public void Unknown_SettingsOfAPackWhoseApiYamlIsUnreadable_NotCalledUnknown() =>
        Assert.That(SettingNames.Unknown(new SettingsSource(_ => null, _ => null, () => ["broken.baseUrl", "broken.var.id", "broken.baseurl"], () => ["CONFORMANCE_BROKEN_TOKEN", "CONFORMANCE_BROKEN_VAR_ID"]), [Vars], ["broken"])
            .Select(d => d.Location.Path), Is.EqualTo(new[] { "runsettings:broken.baseurl" }), "its api.yaml errors are reported; a wrong case is still a typo");

    [Test]
    public void Unknown_WrongCaseAndMisspeltVariableInRunsettings_BothReported() =>
        Assert.That(Unknown([], ["vars.baseurl", "vars.var.customerid", "browser", "conformance.dryrun"]).Select(d => d[..d.IndexOf('(', StringComparison.Ordinal)] + " -> " + d[(d.LastIndexOf("Did you mean", StringComparison.Ordinal) + 13)..]), Is.EqualTo(new[]
        {
            "runsettings:conformance.dryrun -> 'conformance.dryRun'?",
            "runsettings:vars.baseurl -> 'vars.baseUrl'?",
            "runsettings:vars.var.customerid -> 'vars.var.customer_id'?",
        }));

    [Test]
    public void Unknown_EveryKnownSettingAndTheScriptsOwnVariables_NothingReported() =>
        Assert.That(Unknown(
            ["CONFORMANCE_VARS_BASEURL", "CONFORMANCE_VARS_TOKEN", "CONFORMANCE_VARS_VAR_CUSTOMER_ID", "CONFORMANCE_CONFORMANCE_DRYRUN", "CONFORMANCE_PACT_BROKERURL", "CONFORMANCE_ALLURE_RESULTS"],
            ["vars.baseUrl", "vars.var.tenant", "conformance.junit", "pact.providerVersion"]), Is.Empty);

    [Test]
    public void Apis_SettingOfOnePack_ThatPackAlone() =>
        Assert.That(Apis("environment:CONFORMANCE_NOTES_BASEURLL", "runsettings:notes.baseurl", "runsettings:Notes.token", "environment:CONFORMANCE_MY_API_TOKN", "environment:CONFORMANCE_MY_TOKN"),
            Is.EqualTo(new[] { "notes", "notes", "notes", "my_api", "my" }), "the longest pack name whose prefix the variable has");

    [Test]
    public void Apis_RunWideSettingOrNoPackNamed_EveryPack() =>
        Assert.That(Apis("runsettings:conformance.dryrun", "environment:CONFORMANCE_CONFORMANCE_DRYRUNN", "environment:CONFORMANCE_PACT_FOLDERR", "environment:CONFORMANCE_NOTE_BASEURL"),
            Is.EqualTo(Enumerable.Repeat("my,my_api,notes", 4)));

    [Test]
    public void Unknown_GivenValuesOnly_TheProcessEnvironmentIsNotRead()
    {
        Environment.SetEnvironmentVariable("CONFORMANCE_SETTINGNAMES_PROBE", "x");
        try
        {
            Assert.That(SettingNames.Unknown(new SettingsSource(_ => null, _ => null), [Vars]), Is.Empty);
            Assert.That(SettingNames.Unknown(new SettingsSource(_ => null), [Vars]).Select(d => d.Location.Path), Has.Member("environment:CONFORMANCE_SETTINGNAMES_PROBE"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("CONFORMANCE_SETTINGNAMES_PROBE", null);
        }
    }
}
