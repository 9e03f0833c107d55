using Conformance.Contracts;
using Conformance.Diagnostics;

namespace Conformance.Targets;

/// <summary>
/// Every setting the run reads, so a misspelt one is reported (CT0305, with did-you-mean) instead of silently ignored:
/// a typo in <c>CONFORMANCE_RINGCENTRAL_BASEURL</c> would otherwise send the run to the embedded reference API while
/// the team believes it probed staging.
/// </summary>
public static class SettingNames
{
    /// <summary>Run-wide settings: the run's own and the pact verification's.</summary>
    public static IReadOnlyList<string> RunWide { get; } =
    [
        "conformance.allowedHosts", "conformance.timeoutSeconds", "conformance.maxBodyBytes", "conformance.requestBudget",
        "conformance.maxRetries", "conformance.maxRetryWaitSeconds", "conformance.contracts", "conformance.allureResults",
        "conformance.junit", "conformance.dryRun", "conformance.timings", "conformance.transportRetries", "conformance.sourceUrl",
        "conformance.circuitBreaker", "conformance.circuitBreakerPauseSeconds", "conformance.circuitBreakerTrials",
        "conformance.hostRequestsPerSecond", "conformance.hostConcurrency",
        "pact.folder", "pact.files", "pact.brokerUrl", "pact.token", "pact.selectors", "pact.provider", "pact.providerBaseUrl",
        "pact.stateChangeUrl", "pact.publish", "pact.providerVersion", "pact.providerBranch", "pact.buildUrl",
    ];

    /// <summary>What each pack's target takes, besides <c>var.&lt;name&gt;</c> for its variables.</summary>
    public static IReadOnlyList<string> PerApi { get; } = ["baseUrl", "token", "allowMutation", "concurrency", "requestsPerSecond", "caCertificate", "insecureTls", "clientCertificate", "clientCertificatePassword", "tokenUrl", .. OAuth.OAuthSettings.Keys];

    /// <summary>Environment variables of the project's scripts that share the prefix and are not run settings.</summary>
    public static IReadOnlyList<string> NotSettings { get; } =
        ["CONFORMANCE_ALLURE_RESULTS", "CONFORMANCE_ALLURE_OUTPUT", "CONFORMANCE_ALLURE_SINGLE_FILE", "CONFORMANCE_SAMPLE_RESULTS", "CONFORMANCE_SAMPLE_NIGHT", "CONFORMANCE_UPDATE_DOCS"];

    public static IReadOnlyList<string> Known(IEnumerable<ApiPack> packs) =>
        [.. RunWide, .. packs.SelectMany(p => PerApi.Select(k => $"{p.Name}.{k}").Concat(p.Vars.Keys.Select(v => $"{p.Name}.var.{v}")))];

    /// <summary>
    /// One CT0305 per CONFORMANCE_* environment variable and per runsettings parameter of a known scope that no setting has,
    /// and one CT0303 per setting's environment variable that is set but empty.
    /// </summary>
    /// <param name="unreadable">Packs whose api.yaml could not be read: their settings are not called unknown (their vars cannot be known).</param>
    public static IReadOnlyList<Diagnostic> Unknown(SettingsSource source, IEnumerable<ApiPack> packs, IEnumerable<string>? unreadable = null)
    {
        var unread = (unreadable ?? []).ToList();
        var known = Known(packs).Concat(unread.SelectMany(p => PerApi.Select(k => $"{p}.{k}"))).ToList();
        var scopes = known.Select(k => k[..k.IndexOf('.', StringComparison.Ordinal)]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var envNames = known.Select(EnvName).ToList();
        var unreadVars = unread.Select(p => $"{p}.var.").ToList();
        var unreadEnvVars = unread.Select(p => SettingsSource.EnvironmentName(p, "var") + "_").ToList();
        var errors = new List<Diagnostic>();
        // Any case: on Linux conformance_notes_baseurl is another variable, which nothing reads (the run went to the embedded API).
        foreach (var name in source.EnvironmentNames().Where(n => n.StartsWith("CONFORMANCE_", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            if (unreadEnvVars.Any(v => name.StartsWith(v, StringComparison.Ordinal)))
            {
                continue;
            }

            if (!envNames.Contains(name, StringComparer.Ordinal) && !NotSettings.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(Error("environment", name, [.. envNames, .. NotSettings]));
            }
            else if (source.IsBlankInEnvironment(name) && !NotSettings.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(Blank(name));
            }
        }

        foreach (var name in source.RunParameterNames().Where(n => n.Contains('.', StringComparison.Ordinal) && scopes.Contains(n[..n.IndexOf('.', StringComparison.Ordinal)])).Order(StringComparer.Ordinal))
        {
            if (!known.Contains(name, StringComparer.Ordinal) && !unreadVars.Any(v => name.StartsWith(v, StringComparison.Ordinal)))
            {
                errors.Add(Error("runsettings", name, known));
            }
        }

        return errors;
    }

    /// <summary>
    /// The packs a setting reported by <see cref="Unknown"/> is about, so that its case joins their filter categories and
    /// <c>--filter Category=notes</c> still shows a misspelt notes setting: a <c>CONFORMANCE_NOTES_*</c> variable or a
    /// <c>notes.*</c> parameter is the notes pack's; a run-wide one (<c>conformance.*</c>, <c>pact.*</c>), or one naming no
    /// pack, is every pack's.
    /// </summary>
    /// <param name="location">The diagnostic's location: <c>environment:&lt;NAME&gt;</c> or <c>runsettings:&lt;name&gt;</c>.</param>
    public static IReadOnlyList<string> Apis(SourceLocation location, IEnumerable<string> packs)
    {
        var names = packs.Order(StringComparer.Ordinal).ToList();
        var path = location.Path;
        var name = path[(path.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var owner = path.StartsWith("environment:", StringComparison.Ordinal)
            ? names.Where(p => name.StartsWith(SettingsSource.EnvironmentName(p, string.Empty), StringComparison.Ordinal)).MaxBy(p => p.Length)
            : names.FirstOrDefault(p => name.StartsWith(p + ".", StringComparison.OrdinalIgnoreCase));
        return owner is null ? names : [owner];
    }

    /// <summary>The environment form of a setting (its last segment is the key, as <see cref="SettingsSource.Get"/> reads it).</summary>
    private static string EnvName(string setting)
    {
        var last = setting.LastIndexOf('.');
        return SettingsSource.EnvironmentName(setting[..last], setting[(last + 1)..]);
    }

    /// <summary>
    /// A setting's environment variable that exists but is empty: it counts as not set, so a base URL would silently fall
    /// back to the embedded reference API. In CI this is a variable or secret the job reads that was never defined.
    /// </summary>
    private static Diagnostic Blank(string name) =>
        new(ErrorCodes.InvalidSetting.Code, new SourceLocation($"environment:{name}", 1, 1), $"Environment variable '{name}' is set but empty",
            "an empty value counts as not set, so the runsettings value or the default is used (for a base URL: the embedded reference API); in CI the variable or secret it reads may be undefined",
            "Give it a value, or remove it from the environment.");

    private static Diagnostic Error(string where, string name, IReadOnlyList<string> known)
    {
        var code = ErrorCodes.UnknownSetting;
        var sameButCase = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        return new Diagnostic(code.Code, new SourceLocation($"{where}:{name}", 1, 1), $"Unknown setting '{name}'",
            sameButCase is null ? "no setting has that name, so its value is not used" : "setting names are case-sensitive, so no setting has that name and its value is not used",
            $"{code.Fix}{DidYouMean.Suffix(sameButCase ?? DidYouMean.Closest(name, known))}");
    }
}
