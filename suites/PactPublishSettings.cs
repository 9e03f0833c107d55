using Conformance.Pact;
using Conformance.Targets;

namespace Conformance.Suites;

/// <summary>
/// Whether verification results go back to the broker (what can-i-deploy reads): <c>pact.publish</c> true or false,
/// with <c>pact.providerVersion</c> (required), <c>pact.providerBranch</c> and <c>pact.buildUrl</c>.
/// </summary>
internal static class PactPublishSettings
{
    public static PactPublishOptions? Read(SettingsSource source, Uri? brokerUrl, List<string> errors)
    {
        var text = source.Get("pact", "publish");
        if (text is null)
        {
            return null;
        }

        if (!bool.TryParse(text, out var publish))
        {
            errors.Add($"{SettingsSource.Describe("pact", "publish")} is {SettingValue.Quoted(text)}, not true or false. Fix: set it to true to publish verification results, or remove it.");
            return null;
        }

        var version = source.Get("pact", "providerVersion");
        var buildUrl = source.Get("pact", "buildUrl");
        Uri? build = null;
        if (buildUrl is not null && !Uri.TryCreate(buildUrl, UriKind.Absolute, out build))
        {
            errors.Add($"{SettingsSource.Describe("pact", "buildUrl")} is '{UrlText.Masked(buildUrl)}', not an absolute URL. Fix: give the CI build's full URL, or remove it.");
        }

        if (!publish)
        {
            return null;
        }

        if (version is null)
        {
            errors.Add($"{SettingsSource.Describe("pact", "publish")} is true but {SettingsSource.Describe("pact", "providerVersion")} is not set: results are recorded against a provider version. Fix: set it to the version under test (e.g. the git SHA of the deployed build).");
        }

        if (brokerUrl is null)
        {
            errors.Add($"{SettingsSource.Describe("pact", "publish")} is true but {SettingsSource.Describe("pact", "brokerUrl")} is not set: only pacts fetched from a broker can have results published. Fix: set pact.brokerUrl, or remove pact.publish.");
        }

        return version is null || brokerUrl is null ? null : new PactPublishOptions(version) { ProviderBranch = source.Get("pact", "providerBranch"), BuildUrl = build };
    }
}
