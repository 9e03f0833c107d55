using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Conformance.Probing;
using Conformance.Reporting;

namespace Conformance.Targets.OAuth;

/// <summary>
/// The access token of a target configured with <c>&lt;api&gt;.tokenUrl</c>: fetched from the token endpoint before the
/// first case that needs it, shared by every case, fetched again shortly before <c>expires_in</c> runs out. One
/// request at a time; one that gets no answer, or a gateway error or throttling answer, is sent again within
/// <see cref="TokenRetry"/>'s bounds. A failed fetch is
/// not repeated in the run (a wrong secret would otherwise cost a request per case): every case that needs the token is
/// then broken with the same reason. A token the target refuses early (revoked, rotated) is replaced once on request
/// (<see cref="RenewAsync"/>).
/// </summary>
internal sealed class TokenSource(OAuthSettings settings, Func<ProbeRequest, CancellationToken, Task<ProbeStep>> send, Action<string> use) : IDisposable
{
    private const int Excerpt = 300;
    private readonly SemaphoreSlim gate = new(1, 1);
    private string? token;
    private DateTimeOffset refreshAt = DateTimeOffset.MaxValue;
    private string? failure;

    // Every token fetched in the run, and whether it was fetched because the target refused the one before (401).
    private readonly ConcurrentDictionary<string, bool> issued = new(StringComparer.Ordinal);

    /// <summary>What a dry run shows (masked, like any credential) where the fetched token would go.</summary>
    public const string NotFetched = "(token from tokenUrl, not fetched)";

    public OAuthSettings Settings => settings;

    /// <summary>The token (and true when this call fetched it), or why there is none.</summary>
    public async Task<TokenResult> GetAsync(TimeProvider time, Redactor redactor, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (failure is not null)
            {
                return new TokenResult(null, failure, false);
            }

            if (token is not null && time.GetUtcNow() < refreshAt)
            {
                return new TokenResult(token, null, false);
            }

            return await FetchAsync(time, redactor, false, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>True when <paramref name="credential"/> is a token this source fetched (not a row's own, not a wrong one).</summary>
    public bool Issued(string credential) => issued.ContainsKey(credential);

    /// <summary>
    /// A token in place of <paramref name="refused"/>, which the target answered 401 before it expired: fetched once for
    /// every case that saw it refused (a case that comes later gets the one already fetched). Null, and the 401 stands,
    /// when <paramref name="refused"/> is not this source's or was itself fetched after a refusal: a target that refuses
    /// fresh tokens would otherwise cost a token request per case.
    /// </summary>
    public async Task<TokenResult?> RenewAsync(string refused, TimeProvider time, Redactor redactor, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return failure is not null ? new TokenResult(null, failure, false)
                : !issued.TryGetValue(refused, out var afterRefusal) || afterRefusal ? null
                : token != refused && time.GetUtcNow() < refreshAt ? new TokenResult(token, null, false)
                : await FetchAsync(time, redactor, token == refused, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Asks the token endpoint (under the gate): the token in place and masked, or why there is none, for the rest of the run.</summary>
    private async Task<TokenResult> FetchAsync(TimeProvider time, Redactor redactor, bool afterRefusal, CancellationToken cancellationToken)
    {
        var request = Request();
        var (step, attempts) = await SendAsync(request, time, cancellationToken);
        var (fetched, lifetime, why, others) = Read(step);
        if (fetched is null)
        {
            var tried = attempts == 1 ? string.Empty : $" after {attempts} attempts";
            failure = $"Token request failed{tried}: POST {settings.TokenUrl} {why}" + CurlLine.Reproduce(CurlLine.Alone(settings.TokenUrl, null, request, redactor));
            return new TokenResult(null, failure, false);
        }

        redactor.Add(fetched);
        foreach (var other in others)
        {
            redactor.Add(other); // a rotated refresh token, an id token: a target may quote them as well
        }

        issued.AddOrUpdate(fetched, afterRefusal, (_, was) => was || afterRefusal); // an endpoint may hand out the refused token again
        token = fetched;
        use(fetched);
        refreshAt = lifetime is { } seconds ? time.GetUtcNow().AddSeconds(seconds - Math.Min(60, seconds / 10)) : DateTimeOffset.MaxValue;
        return new TokenResult(token, null, true);
    }

    /// <summary>The token request's last attempt and how many were made: again after no answer or a 429/502/503/504, within <see cref="TokenRetry"/>'s bounds.</summary>
    private async Task<(ProbeStep Step, int Attempts)> SendAsync(ProbeRequest request, TimeProvider time, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var step = await send(request, cancellationToken);
            if (attempt == TokenRetry.Attempts || !TokenRetry.Applies(step))
            {
                return (step, attempt);
            }

            await Task.Delay(TokenRetry.Wait(attempt, step, settings.MaxRetryWait, time), time, cancellationToken);
        }
    }

    /// <summary>The token request: the grant's form fields, the client's id and secret as Basic or in the form.</summary>
    internal ProbeRequest Request()
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", settings.GrantType) };
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                form.Add(new(name, value));
            }
        }

        Add("username", settings.Username);
        Add("password", settings.Password);
        Add("refresh_token", settings.RefreshToken);
        Add("assertion", settings.Assertion);
        Add("scope", settings.Scope);
        var headers = new List<KeyValuePair<string, string>> { new("Accept", "application/json") };
        if (settings.ClientId is { } id && (settings.ClientInBody || settings.ClientSecret is null))
        {
            Add("client_id", id);
            Add("client_secret", settings.ClientSecret);
        }
        else if (settings.ClientId is { } user)
        {
            // RFC 6749 2.3.1: each part form-encoded, then joined and Base64-encoded.
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{WebUtility.UrlEncode(user)}:{WebUtility.UrlEncode(settings.ClientSecret)}"));
            headers.Add(new("Authorization", $"Basic {basic}"));
        }

        var body = string.Join("&", form.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        return new ProbeRequest("POST", settings.TokenUrl.AbsoluteUri, [], headers, body, "application/x-www-form-urlencoded", null);
    }

    public void Dispose() => gate.Dispose();

    /// <summary>The access token, its lifetime in seconds and the other credentials of a 200 answer, or what was wrong with the answer.</summary>
    private static (string? Token, double? Lifetime, string Why, List<string> Others) Read(ProbeStep step)
    {
        if (step.Response is not { } response)
        {
            return (null, null, $"got no answer ({step.Failure!.Kind}): {step.Failure.Message}", []);
        }

        var status = $"{response.Status.ToString(CultureInfo.InvariantCulture)} {response.Reason}";
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return (null, null, $"answered {status} with a body that is not JSON{(response.Status == 200 ? string.Empty : $": {Shown(response)}")}", []);
        }

        if (Checks.JsonUnicode.LoneSurrogate(response.Body.Span) is { } lone)
        {
            return (null, null, $"answered {status} with a body whose text cannot be read ({lone})", []);
        }

        if (response.Status is < 200 or > 299)
        {
            // RFC 6749 5.2: error and error_description say why; nothing else of the body is shown.
            var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var description = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error_description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            return (null, null, error is null ? $"answered {status}, expected 200 with an access_token" : $"answered {status}: {error}{(description is null ? string.Empty : $" ({Cut(description)})")}", []);
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("access_token", out var value) || value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } fetched)
        {
            // A 2xx body may hold other credentials (a refresh token): only its keys are named.
            var keys = root.ValueKind == JsonValueKind.Object ? string.Join(", ", root.EnumerateObject().Select(p => p.Name)) : root.ValueKind.ToString().ToLowerInvariant();
            return (null, null, $"answered {status} without an access_token (the body has: {keys})", []);
        }

        return (fetched, Lifetime(root), string.Empty, OtherCredentials(root));
    }

    /// <summary>The other credentials a token answer hands out (<c>refresh_token</c>, <c>id_token</c>), of masking length.</summary>
    private static List<string> OtherCredentials(JsonElement root) =>
        [.. root.EnumerateObject().Where(p => p.Name is "refresh_token" or "id_token" && p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.Length >= Redactor.MinSecretLength)
            .Select(p => p.Value.GetString()!)];

    private static double? Lifetime(JsonElement root)
    {
        if (!root.TryGetProperty("expires_in", out var e))
        {
            return null;
        }

        double? seconds = e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var n) ? n
            : e.ValueKind == JsonValueKind.String && double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s
            : null;
        return seconds > 0 ? seconds : null;
    }

    private static string Shown(ProbeResponse response) => Cut(response.Excerpt(Excerpt));

    private static string Cut(string text) => text.Length > Excerpt ? text[..Excerpt] + "..." : text;
}

/// <summary>A token, or why the run has none; <see cref="Fetched"/> is true for the call that asked the endpoint.</summary>
internal sealed record TokenResult(string? Token, string? Failure, bool Fetched);
