using System.Text.Json;
using Conformance.Pact;
using Conformance.Targets;

namespace Conformance.Suites;

/// <summary>
/// The pact sources to verify, from runsettings <c>pact.*</c> or CONFORMANCE_PACT_* variables: <c>folder</c>,
/// <c>files</c> (comma list), <c>brokerUrl</c> + <c>selectors</c> (JSON object or array) + <c>token</c> (secret, trimmed) +
/// <c>provider</c> (comma list, default every pack), <c>providerBaseUrl</c>, <c>stateChangeUrl</c>, and publishing of the
/// results (<see cref="PactPublishSettings"/>).
/// </summary>
public sealed record PactSettings(
    string? Folder,
    IReadOnlyList<string> Files,
    Uri? BrokerUrl,
    IReadOnlyList<string> Selectors,
    string? Token,
    IReadOnlyList<string> Providers,
    Uri? ProviderBaseUrl,
    Uri? StateChangeUrl,
    PactPublishOptions? Publish,
    IReadOnlyList<string> Errors)
{
    public bool Configured => Folder is not null || Files.Count > 0 || BrokerUrl is not null || Errors.Count > 0;

    /// <summary>The broker's credentials: its token and the user info of its URL, masked wherever a pact case reports.</summary>
    public IEnumerable<string?> BrokerSecrets => [Token, .. BrokerUrl is { } broker ? Reporting.Redactor.InUrl(broker) : []];

    public static PactSettings Read(SettingsSource source, IEnumerable<string> packNames)
    {
        var errors = new List<string>();
        var files = List(source.Get("pact", "files"));
        var selectors = ParseSelectors(source.Get("pact", "selectors"), errors);
        var providers = List(source.Get("pact", "provider"));
        // A broker under a base path (https://host/pact-broker) keeps it only with a trailing slash: relative links resolve against it.
        var parsed = Url(source, "brokerUrl", errors);
        var broker = parsed is { } b && !b.AbsolutePath.EndsWith('/') ? new UriBuilder(b) { Path = b.AbsolutePath + "/" }.Uri : parsed;
        return new PactSettings(
            source.Get("pact", "folder")?.Trim() is { Length: > 0 } folder ? folder : null, // a secret store's trailing line break is no part of a path
            files,
            broker,
            selectors,
            ReadToken(source, errors),
            providers.Count > 0 ? providers : [.. packNames],
            Url(source, "providerBaseUrl", errors),
            Url(source, "stateChangeUrl", errors),
            PactPublishSettings.Read(source, broker, errors),
            errors);
    }

    public PactBrokerSource Broker() =>
        new(BrokerUrl!, Selectors.Count > 0 ? Selectors : ["""{"mainBranch":true}""", """{"deployedOrReleased":true}"""]) { Token = Token, ProviderBranch = Publish?.ProviderBranch };

    /// <summary>
    /// The broker token as <c>&lt;api&gt;.token</c> is read: without the whitespace a secret store keeps around it; one with a
    /// line break inside, or too short to be masked, is an error that never shows it.
    /// </summary>
    private static string? ReadToken(SettingsSource source, List<string> errors)
    {
        var token = source.Get("pact", "token")?.Trim();
        if (token is not null && token.Any(char.IsControl))
        {
            errors.Add($"{SettingsSource.Describe("pact", "token")} holds a line break or another control character: no HTTP header can carry it (the value is a secret and is not shown). Fix: give the broker's token on one line.");
            return null;
        }

        if (SecretSettings.IsShort(token))
        {
            errors.Add($"{SettingsSource.Describe("pact", "token")} has fewer than {Reporting.Redactor.MinSecretLength} characters: {SecretSettings.TooShortToMask}. Fix: give the broker's whole token.");
            return null;
        }

        return token;
    }

    private static List<string> List(string? text) =>
        text?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList() ?? [];

    private static Uri? Url(SettingsSource source, string key, List<string> errors)
    {
        var text = source.Get("pact", key);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }

        errors.Add($"{SettingsSource.Describe("pact", key)} is '{UrlText.Masked(text)}', not an absolute http(s) URL. Fix: give a full URL such as https://broker.example.com/.");
        return null;
    }

    private static List<string> ParseSelectors(string? text, List<string> errors)
    {
        if (text is null)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? [.. document.RootElement.EnumerateArray().Select(e => e.GetRawText())]
                : [document.RootElement.GetRawText()];
        }
        catch (JsonException e)
        {
            errors.Add($"{SettingsSource.Describe("pact", "selectors")} is not JSON ({e.Message}). Fix: e.g. [{{\"mainBranch\":true}},{{\"deployedOrReleased\":true}}].");
            return [];
        }
    }
}
