using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>
/// The pack's <c>auth</c>: from the first scheme of the document's <c>security</c>, else the scheme most operations'
/// <c>security</c> names, else the first declared; none (with a note) for a scheme a pack cannot send.
/// </summary>
internal static class AuthDraft
{
    public static DraftAuth? For(OpenApiDocument document, string name, List<string> notes)
    {
        var schemes = document.Components?.SecuritySchemes;
        if (schemes is null || schemes.Count == 0)
        {
            return null;
        }

        var (schemeName, why, others) = Pick(document, schemes);
        var scheme = schemes[schemeName];
        if (others.Count > 0)
        {
            notes.Add($"auth is drafted from security scheme '{schemeName}' ({why}); the document also accepts {string.Join(", ", others.Select(o => $"'{o}'"))}: to test with it, change auth in api.yaml");
        }

        if (Unsendable(scheme) is { } kind)
        {
            notes.Add($"security scheme '{schemeName}' is {kind}, which a pack cannot send: auth left out (send its credential with a header of the operations, or test the API behind a proxy that adds it)");
            return null;
        }

        var sample = $"{name}-sample-token";
        switch (scheme.Type)
        {
            case SecuritySchemeType.ApiKey when scheme.In == ParameterLocation.Query:
                return new DraftAuth(null, scheme.Name, "{token}", "ApiKey", sample);
            case SecuritySchemeType.ApiKey when scheme.In == ParameterLocation.Header:
                return new DraftAuth(scheme.Name, null, "{token}", "ApiKey", sample);
            case SecuritySchemeType.Http when string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase):
                return new DraftAuth("Authorization", null, "Basic {token}", "Basic", sample);
            case SecuritySchemeType.ApiKey when scheme.In == ParameterLocation.Cookie:
                return new DraftAuth(null, null, "{token}", null, sample, scheme.Name);
            case SecuritySchemeType.ApiKey:
                notes.Add($"security scheme '{schemeName}' sends its key in the {scheme.In?.ToString().ToLowerInvariant() ?? "(unnamed)"}, which packs do not model: auth left out");
                return null;
            case SecuritySchemeType.OAuth2 when TokenFlow(scheme.Flows) is var (grant, url) && url is not null:
                notes.Add($"security scheme '{schemeName}' is OAuth 2.0: on a configured target let the run fetch the token with {name}.tokenUrl={Targets.UrlText.Masked(url.ToString())} "
                    + $"and {name}.tokenGrant={grant} with its credentials (README \"Pointing it at staging\"), or set {name}.token");
                return new DraftAuth("Authorization", null, "Bearer {token}", "Bearer", sample);
            default:
                return new DraftAuth("Authorization", null, "Bearer {token}", "Bearer", sample);
        }
    }

    /// <summary>The scheme to draft, why it was chosen, and the other schemes the requirements name.</summary>
    private static (string Name, string Why, List<string> Others) Pick(OpenApiDocument document, IDictionary<string, IOpenApiSecurityScheme> schemes)
    {
        var top = Names(document.Security).Where(schemes.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        var used = (document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>()).SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).SelectMany(o => Names(o.Security)).Where(schemes.ContainsKey).ToList();
        if (top.Count > 0)
        {
            return (top[0], "the first of the document's security", [.. top.Skip(1).Concat(used).Distinct(StringComparer.Ordinal).Where(n => n != top[0])]);
        }

        if (used.Count > 0)
        {
            var most = used.GroupBy(n => n, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First().Key;
            return (most, "the one the operations' security names most", [.. used.Distinct(StringComparer.Ordinal).Where(n => n != most)]);
        }

        return (schemes.Keys.First(), "the first declared: no security requirement names one", []);
    }

    private static IEnumerable<string> Names(IList<OpenApiSecurityRequirement>? requirements) =>
        (requirements ?? []).SelectMany(r => r.Keys).Select(k => k.Reference.Id).OfType<string>();

    /// <summary>What a scheme is when a pack cannot send its credential (HTTP digest, mutual TLS), else null.</summary>
    private static string? Unsendable(IOpenApiSecurityScheme scheme) => scheme.Type switch
    {
        SecuritySchemeType.MutualTLS => "mutual TLS",
        SecuritySchemeType.Http when scheme.Scheme is not { } http || !(http.Equals("basic", StringComparison.OrdinalIgnoreCase) || http.Equals("bearer", StringComparison.OrdinalIgnoreCase)) => $"HTTP {scheme.Scheme}",
        _ => null,
    };

    /// <summary>The grant a run can use for a scheme's flows, and its token URL: client credentials first, then password.</summary>
    private static (string Grant, Uri? Url) TokenFlow(OpenApiOAuthFlows? flows) =>
        flows?.ClientCredentials?.TokenUrl is { } client ? ("client_credentials", client)
        : flows?.Password?.TokenUrl is { } password ? ("password", password)
        : (string.Empty, null);
}
