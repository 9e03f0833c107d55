using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Contracts;
using Conformance.Diagnostics;

namespace Conformance.Targets;

/// <summary>
/// Resolves every pack's target from settings, validated once with every error listed. A pack with no configured
/// base URL goes to the embedded reference API.
/// </summary>
public static class TargetResolver
{
    /// <summary>More would multiply a hostile target's timeout by the count; 3 covers a flaky hop.</summary>
    public const int MaxTransportRetries = 3;

    public static RunSettings ReadRun(SettingsSource source, List<Diagnostic> errors)
    {
        var d = RunSettings.Default;
        var hosts = HostAllowList.Read(source.Get("conformance", "allowedHosts"), errors);
        return new RunSettings(
            TimeSpan.FromSeconds(Number(source, "conformance", "timeoutSeconds", d.Timeout.TotalSeconds, errors, NumberLimit.Timeout)),
            (int)Number(source, "conformance", "maxBodyBytes", d.MaxBodyBytes, errors, NumberLimit.Bytes),
            hosts,
            (int)Number(source, "conformance", "requestBudget", d.RequestBudget, errors, NumberLimit.Requests),
            (int)Number(source, "conformance", "maxRetries", d.MaxRetries, errors, NumberLimit.Retries),
            TimeSpan.FromSeconds(Number(source, "conformance", "maxRetryWaitSeconds", d.MaxRetryWait.TotalSeconds, errors, NumberLimit.Seconds)))
        {
            DryRun = Flag(source, "conformance", "dryRun", errors),
            TransportRetries = (int)Math.Min(Number(source, "conformance", "transportRetries", 0, errors), MaxTransportRetries),
            CircuitBreaker = Count(source, "conformance", "circuitBreaker", d.CircuitBreaker, "how many cases of an API in a row may end throttled or unreachable before its other cases are not sent (0 turns it off)", errors),
            CircuitBreakerPause = BreakerPauseSettings.Pause(source, errors),
            CircuitBreakerTrials = BreakerPauseSettings.Trials(source, d.CircuitBreakerTrials, errors),
            HostRequestsPerSecond = Number(source, "conformance", "hostRequestsPerSecond", 0, errors, NumberLimit.Rate),
            HostConcurrency = Slots(Number(source, "conformance", "hostConcurrency", 0, errors, NumberLimit.InFlight)),
        };
    }

    /// <summary>
    /// The target for a pack, or null with errors added. <paramref name="reference"/> is used when no base URL is set; it
    /// gives null for a pack the embedded reference API does not host (CT0301: nothing there would answer its probes).
    /// </summary>
    public static TargetOptions? Resolve(ApiPack pack, SettingsSource source, RunSettings run, Func<string, Uri?>? reference, List<Diagnostic> errors)
    {
        var configured = source.Get(pack.Name, "baseUrl");
        var isReference = configured is null;
        if (isReference && reference is null)
        {
            return null;
        }

        var text = configured ?? reference!(pack.Name)?.ToString();
        if (text is null)
        {
            errors.Add(Error(ErrorCodes.InvalidBaseUrl, pack.Name, "baseUrl", $"No base URL is set for '{pack.Name}'",
                "the embedded reference API, which a pack without one is probed against, hosts only the packs shipped with Conformance, so every probe would be answered 404 and blamed on the API",
                $"Set {pack.Name}.baseUrl (a TestRunParameters entry of the runsettings, or --test-parameter {pack.Name}.baseUrl=<url>) or the environment variable {SettingsSource.EnvironmentName(pack.Name, "baseUrl")} to the API's base URL, such as https://staging.example.com/api."));
            return null;
        }

        var setting = $"{pack.Name}.baseUrl or {SettingsSource.EnvironmentName(pack.Name, "baseUrl")}";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            errors.Add(Error(ErrorCodes.InvalidBaseUrl, pack.Name, "baseUrl", $"'{(isReference ? text : UrlText.Masked(text))}' is not an absolute http(s) URL", "probes need a full base URL such as https://staging.example.com/api",
                $"Set {setting} to an absolute http(s) URL."));
            return null;
        }

        if (baseUrl.Query.Length > 1)
        {
            // RestSharp sends each probe to the base URL's path with the operation's own query: this one would silently go unsent.
            var path = new UriBuilder(baseUrl) { UserName = string.Empty, Password = string.Empty, Query = string.Empty, Fragment = string.Empty }.Uri;
            errors.Add(Error(ErrorCodes.InvalidBaseUrl, pack.Name, "baseUrl", $"{pack.Name}.baseUrl has a query after '{path}' (not shown: it may hold a key), which no probe sends", $"a key the API takes in the query belongs in auth (query: <name>) with {pack.Name}.token, masked everywhere",
                $"Set {setting} to the base URL without its query."));
            return null;
        }

        if (!isReference && !run.AllowedHosts.Allows(baseUrl.Host))
        {
            errors.Add(Error(ErrorCodes.HostNotAllowed, pack.Name, "baseUrl", $"Host '{Reporting.PathSecrets.MaskedHost(baseUrl.Host)}' is not in conformance.allowedHosts ({run.AllowedHosts})", "no request is sent to a host the run does not allow"));
            return null;
        }

        var tls = TlsSettings.Read(source, pack.Name, baseUrl, (key, what, why) => Error(ErrorCodes.InvalidSetting, pack.Name, key, what, why), errors);
        // A switch like conformance.dryRun: 'ture', 'yes' or a secret store's 'true\n' was read as not true, and every
        // mutating row was skipped for a setting the run had been given.
        var mutation = Flag(source, pack.Name, "allowMutation", errors);
        var token = Token(source, pack.Name, pack.Auth, errors);
        var oauth = OAuth.OAuthSettings.Read(source, pack.Name, run, isReference, token is not null, errors);
        var target = new TargetOptions(
            pack.Name,
            baseUrl,
            token ?? (isReference ? pack.Auth?.Sample : null),
            isReference || mutation,
            (int)Number(source, pack.Name, "concurrency", pack.Limits.Concurrency, errors, NumberLimit.InFlight),
            Number(source, pack.Name, "requestsPerSecond", isReference ? 0 : pack.Limits.RequestsPerSecond, errors, NumberLimit.Rate),
            run.Timeout,
            run.MaxBodyBytes,
            isReference)
        {
            Vars = Vars(pack, source, errors),
            Tls = tls,
            OAuth = oauth,
        };
        SecretSettings.Check(pack, source, errors);
        return target;
    }

    /// <summary>
    /// The token without the whitespace a secret store may keep around it (HTTP trims spaces, and a trailing newline cannot
    /// be sent); one with a line break or another control character inside is an error that never shows the value.
    /// </summary>
    private static string? Token(SettingsSource source, string api, AuthScheme? auth, List<Diagnostic> errors)
    {
        var token = source.Get(api, "token")?.Trim();
        if (token is not null && token.Any(char.IsControl))
        {
            errors.Add(Error(ErrorCodes.InvalidSetting, api, "token", $"{api}.token holds a line break or another control character", "no HTTP header or query can carry it (the value is a secret and is not shown)"));
            return null;
        }

        if (token is not null && !System.Text.Ascii.IsValid(token) && auth?.Header is not null)
        {
            errors.Add(Error(ErrorCodes.InvalidSetting, api, "token", $"{api}.token holds a character outside ASCII", $"the pack sends it in the {auth.Header} header, and the HTTP client sends only ASCII in a header (the value is a secret and is not shown)"));
            return null;
        }

        return token;
    }

    /// <summary>
    /// Each variable's value for this target: <c>&lt;api&gt;.var.&lt;name&gt;</c> (env CONFORMANCE_&lt;API&gt;_VAR_&lt;NAME&gt;) or the
    /// default. A default that is a number or a boolean makes the setting one too (the body keeps its JSON type).
    /// </summary>
    private static Dictionary<string, JsonNode?> Vars(ApiPack pack, SettingsSource source, List<Diagnostic> errors)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, fallback) in pack.Vars)
        {
            // Trimmed as a token is: a secret store's line break after an id went into every path and body as %0A, and
            // the API was blamed for the 404s.
            var text = source.Get($"{pack.Name}.var", name)?.Trim();
            var kind = fallback?.GetValueKind() ?? JsonValueKind.String;
            if (text is null)
            {
                values[name] = fallback;
            }
            else if (text.Any(char.IsControl))
            {
                errors.Add(Error(ErrorCodes.InvalidSetting, $"{pack.Name}.var", name, $"{pack.Name}.var.{name} holds a line break or another control character", "a path, query, header or body would carry it to the target as it is (the value is not shown: it may be a secret)"));
                values[name] = fallback;
            }
            else if (kind == JsonValueKind.String)
            {
                values[name] = JsonValue.Create(text);
            }
            else if (Typed(text, kind) is { } typed)
            {
                values[name] = typed;
            }
            else
            {
                errors.Add(Error(ErrorCodes.InvalidSetting, $"{pack.Name}.var", name, $"{SettingValue.Quoted(text)} is not a {(kind == JsonValueKind.Number ? "number" : "boolean")}", $"the variable's default ({fallback!.ToJsonString()}) is one, and the body keeps that JSON type"));
                values[name] = fallback;
            }
        }

        return values;
    }

    private static JsonNode? Typed(string text, JsonValueKind kind)
    {
        try
        {
            var node = JsonNode.Parse(text);
            var parsed = node?.GetValueKind();
            return parsed == kind || (kind is JsonValueKind.True or JsonValueKind.False && parsed is JsonValueKind.True or JsonValueKind.False) ? node : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static double Number(SettingsSource source, string scope, string key, double fallback, List<Diagnostic> errors, NumberLimit? limit = null)
    {
        var text = source.Get(scope, key);
        if (text is null)
        {
            return fallback;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0)
        {
            if (limit is not null && limit.IsBelow(n))
            {
                errors.Add(Error(ErrorCodes.InvalidSetting, scope, key, $"{SettingValue.Quoted(text)} is {limit.Below}", $"{SettingsSource.Describe(scope, key)} takes {limit.Takes}"));
                return fallback;
            }

            if (limit is null || n <= limit.Max)
            {
                return n;
            }

            errors.Add(Error(ErrorCodes.InvalidSetting, scope, key, $"{SettingValue.Quoted(text)} is more than {limit.Beyond}", $"{SettingsSource.Describe(scope, key)} takes {limit.Takes}"));
            return fallback;
        }

        errors.Add(Error(ErrorCodes.InvalidSetting, scope, key, $"{SettingValue.Quoted(text)} is not a non-negative number", $"{SettingsSource.Describe(scope, key)} takes a number"));
        return fallback;
    }

    /// <summary>A concurrency read as <c>&lt;api&gt;.concurrency</c> is (a fraction cut): 0 stays none, anything more is at least 1.</summary>
    private static int Slots(double n) => n > 0 ? Math.Max(1, (int)n) : 0;

    /// <summary>A whole number of <paramref name="min"/> or more (a count of cases: 2.5 is refused, not rounded).</summary>
    internal static int Count(SettingsSource source, string scope, string key, int fallback, string takes, List<Diagnostic> errors, int min = 0)
    {
        var text = source.Get(scope, key);
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min)
        {
            return n;
        }

        errors.Add(Error(ErrorCodes.InvalidSetting, scope, key, $"{SettingValue.Quoted(text)} is not a whole number of {min.ToString(CultureInfo.InvariantCulture)} or more", $"{SettingsSource.Describe(scope, key)} takes {takes}"));
        return fallback;
    }

    private static bool Flag(SettingsSource source, string scope, string key, List<Diagnostic> errors)
    {
        var text = source.Get(scope, key)?.Trim();
        if (text is null || text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        errors.Add(Error(ErrorCodes.InvalidSetting, scope, key, $"{SettingValue.Quoted(text)} is not true or false", $"{SettingsSource.Describe(scope, key)} is a switch"));
        return false;
    }

    internal static Diagnostic Error(ErrorCode code, string scope, string key, string what, string why, string? fix = null) =>
        new(code.Code, new SourceLocation("runsettings", 1, 1) with { Path = $"runsettings:{scope}.{key}" }, what, why, fix ?? code.Fix);
}
