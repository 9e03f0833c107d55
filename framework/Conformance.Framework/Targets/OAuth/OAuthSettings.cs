using Conformance.Diagnostics;

namespace Conformance.Targets.OAuth;

/// <summary>
/// How a configured target's token is fetched from an OAuth 2.0 token endpoint (RFC 6749 section 4) instead of being
/// set as <c>&lt;api&gt;.token</c>: <c>&lt;api&gt;.tokenUrl</c>, the grant and its credentials. Read and validated once per run,
/// with every error listed.
/// </summary>
public sealed record OAuthSettings(Uri TokenUrl, string Grant, string? ClientId, string? ClientSecret, bool ClientInBody)
{
    public const string JwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /// <summary>The grants a setting may name; <c>jwt-bearer</c> stands for RFC 7523's URN.</summary>
    public static IReadOnlyList<string> Grants { get; } = ["client_credentials", "password", "refresh_token", "jwt-bearer"];

    /// <summary>
    /// The settings whose values are secrets, each with the property that holds it: the one list the run's masking
    /// (<see cref="SecretKeys"/>, read by <c>ConformanceRun</c>) and <see cref="Secrets"/> are made from.
    /// </summary>
    private static readonly (string Key, Func<OAuthSettings, string?> Value)[] SecretSettings =
    [
        ("clientSecret", s => s.ClientSecret), ("tokenPassword", s => s.Password), ("refreshToken", s => s.RefreshToken), ("tokenAssertion", s => s.Assertion),
    ];

    /// <summary>The settings besides <c>tokenUrl</c> that belong to the token request.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["tokenGrant", "clientId", "clientSecret", "tokenScope", "tokenUsername", "tokenPassword", "refreshToken", "tokenAssertion", "tokenClientAuth"];

    /// <summary>The names of the settings among <see cref="Keys"/> whose values are secrets, masked wherever they could appear.</summary>
    public static IReadOnlyList<string> SecretKeys { get; } = [.. SecretSettings.Select(s => s.Key)];

    public string? Scope { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public string? RefreshToken { get; init; }

    public string? Assertion { get; init; }

    /// <summary><c>conformance.maxRetryWaitSeconds</c>: the longest a token request's Retry-After is waited for.</summary>
    public TimeSpan MaxRetryWait { get; init; } = RunSettings.Default.MaxRetryWait;

    /// <summary>The value of each setting of <see cref="SecretKeys"/>, in that order (null where it is not set).</summary>
    public IEnumerable<string?> Secrets => SecretSettings.Select(s => s.Value(this));

    /// <summary>The <c>grant_type</c> sent: the grant's name, or RFC 7523's URN for <c>jwt-bearer</c>.</summary>
    public string GrantType => Grant == "jwt-bearer" ? JwtBearerGrant : Grant;

    /// <summary>The token settings of one API, null when none is set; errors are added, each naming its setting.</summary>
    public static OAuthSettings? Read(SettingsSource source, string api, RunSettings run, bool isReference, bool hasToken, List<Diagnostic> errors)
    {
        var before = errors.Count;
        void Error(string key, string what, string why, string? fix = null) => errors.Add(TargetResolver.Error(ErrorCodes.InvalidSetting, api, key, what, why, fix));
        var url = source.Get(api, "tokenUrl")?.Trim();
        var set = Keys.Where(k => source.Get(api, k) is not null).ToList();
        if (url is null)
        {
            foreach (var key in set)
            {
                Error(key, $"{api}.{key} is set but {api}.tokenUrl is not", "the token request needs the token endpoint's URL; without it the setting would be ignored");
            }

            return null;
        }

        if (isReference)
        {
            Error("tokenUrl", $"{api}.tokenUrl is set but {api}.baseUrl is not", "without a base URL the pack is probed on the embedded reference API, which takes the pack's sample credential");
        }

        if (hasToken)
        {
            Error("tokenUrl", $"both {api}.token and {api}.tokenUrl are set", "the run would not know which credential to send");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var tokenUrl) || tokenUrl.Scheme is not ("http" or "https"))
        {
            Error("tokenUrl", $"'{UrlText.Masked(url)}' is not an absolute http(s) URL", "the token request needs a full URL such as https://login.example.com/oauth/token"); // a typo'd URL may carry user info or a key
        }
        else if (!run.AllowedHosts.Allows(tokenUrl.Host))
        {
            errors.Add(TargetResolver.Error(ErrorCodes.HostNotAllowed, api, "tokenUrl", $"Host '{Reporting.PathSecrets.MaskedHost(tokenUrl.Host)}' is not in conformance.allowedHosts ({run.AllowedHosts})", "no request is sent to a host the run does not allow", $"Add {Reporting.PathSecrets.MaskedHost(tokenUrl.Host)} to conformance.allowedHosts, or fix {api}.tokenUrl."));
        }

        var settings = ReadGrant(source, api, Error) is { } grant && tokenUrl is not null ? Build(source, api, tokenUrl, grant, Error) with { MaxRetryWait = run.MaxRetryWait } : null;
        return errors.Count > before ? null : settings;
    }

    private static string? ReadGrant(SettingsSource source, string api, Report error)
    {
        var grant = source.Get(api, "tokenGrant")?.Trim() ?? "client_credentials";
        if (grant == JwtBearerGrant || Grants.Contains(grant, StringComparer.Ordinal))
        {
            return grant == JwtBearerGrant ? "jwt-bearer" : grant;
        }

        error("tokenGrant", $"'{grant}' is not a grant this run can use", $"{api}.tokenGrant takes {string.Join(", ", Grants)}", $"Name one of them.{DidYouMean.Suffix(grant, Grants)}");
        return null;
    }

    private static OAuthSettings Build(SettingsSource source, string api, Uri tokenUrl, string grant, Report error)
    {
        // Trimmed as the token is: a secret store's trailing newline is not part of the secret.
        string? Get(string key) => source.Get(api, key)?.Trim();
        void Need(string key, string why)
        {
            if (Get(key) is null)
            {
                error(key, $"{api}.{key} is not set", why);
            }
        }

        var auth = Get("tokenClientAuth")?.Trim() ?? "basic";
        if (auth is not ("basic" or "body"))
        {
            error("tokenClientAuth", $"'{auth}' is not basic or body", "the client's id and secret go in an HTTP Basic header (basic, RFC 6749 2.3.1) or in the form (body)");
        }

        switch (grant)
        {
            case "client_credentials":
                Need("clientId", "the client_credentials grant authenticates the client with its id and secret");
                Need("clientSecret", "the client_credentials grant authenticates the client with its id and secret");
                break;
            case "password":
                Need("tokenUsername", "the password grant sends the resource owner's username and password");
                Need("tokenPassword", "the password grant sends the resource owner's username and password");
                break;
            case "refresh_token":
                Need("refreshToken", "the refresh_token grant exchanges a refresh token for an access token");
                break;
            default:
                Need("tokenAssertion", "the jwt-bearer grant (RFC 7523) sends a signed JWT as the assertion");
                break;
        }

        if (Get("clientSecret") is not null && Get("clientId") is null && grant != "client_credentials")
        {
            error("clientId", $"{api}.clientSecret is set but {api}.clientId is not", "a client secret is sent with the client's id");
        }

        return new OAuthSettings(tokenUrl, grant, Get("clientId"), Get("clientSecret"), auth == "body")
        {
            Scope = Get("tokenScope"),
            Username = Get("tokenUsername"),
            Password = Get("tokenPassword"),
            RefreshToken = Get("refreshToken"),
            Assertion = Get("tokenAssertion"),
        };
    }

    private delegate void Report(string key, string what, string why, string? fix = null);
}
