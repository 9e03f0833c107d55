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

        var version = Name(source, "providerVersion", errors);
        var branch = Name(source, "providerBranch", errors);
        var buildUrl = source.Get("pact", "buildUrl")?.Trim();
        Uri? build = null;
        if (buildUrl is not null && !(Uri.TryCreate(buildUrl, UriKind.Absolute, out build) && build.Scheme is "http" or "https"))
        {
            errors.Add($"{SettingsSource.Describe("pact", "buildUrl")} is '{UrlText.Masked(buildUrl)}', not an absolute http(s) URL. Fix: give the CI build's full URL, or remove it.");
            build = null;
        }

        if (!publish)
        {
            return null;
        }

        if (version is null && source.Get("pact", "providerVersion") is null)
        {
            errors.Add($"{SettingsSource.Describe("pact", "publish")} is true but {SettingsSource.Describe("pact", "providerVersion")} is not set: results are recorded against a provider version. Fix: set it to the version under test (e.g. the git SHA of the deployed build).");
        }

        if (brokerUrl is null)
        {
            errors.Add($"{SettingsSource.Describe("pact", "publish")} is true but {SettingsSource.Describe("pact", "brokerUrl")} is not set: only pacts fetched from a broker can have results published. Fix: set pact.brokerUrl, or remove pact.publish.");
        }

        return version is null || brokerUrl is null ? null : new PactPublishOptions(version) { ProviderBranch = branch, BuildUrl = build };
    }

    /// <summary>
    /// A version or branch name without the whitespace around it (a value read from a file keeps its line break, which
    /// went into the broker's URLs as %0A); one with a control character inside is an error. Empty is not set.
    /// </summary>
    private static string? Name(SettingsSource source, string key, List<string> errors)
    {
        var text = source.Get("pact", key)?.Trim();
        if (text is not null && text.Any(char.IsControl))
        {
            errors.Add($"{SettingsSource.Describe("pact", key)} holds a line break or another control character inside, which no broker URL can carry. Fix: give it on one line (e.g. the git SHA of the deployed build).");
            return null;
        }

        return text is { Length: > 0 } ? text : null;
    }
}
