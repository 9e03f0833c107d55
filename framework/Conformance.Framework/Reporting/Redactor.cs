using System.Buffers;
using System.Collections.Frozen;

namespace Conformance.Reporting;

/// <summary>
/// Masks secrets everywhere text leaves the process: values of credential headers (Authorization, Cookie, the
/// packs' auth headers), secret query parameters, and any configured token wherever it appears.
/// </summary>
public sealed class Redactor
{
    public const string Mask = "***";

    /// <summary>Shorter secrets are not masked: two characters masked wherever they appear would garble every report (a setting this short is CT0303).</summary>
    public const int MinSecretLength = 4;
    private static readonly string[] AlwaysSecretHeaders = ["Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "Api-Key"];

    // A header or query parameter whose name holds one of these is a credential (X-Session-Token, access_token, X-Auth,
    // Azure's Ocp-Apim-Subscription-Key and x-functions-key); a challenge (WWW-Authenticate) names a scheme, not a secret,
    // and stays readable. "key" alone is not one (Idempotency-Key).
    internal static readonly string[] SecretWords =
    [
        "token", "secret", "password", "passwd", "pwd", "passphrase", "jwt", "client_assertion", "client-assertion", "apikey", "api_key", "api-key", "auth", "session", "signature", "cookie", "credential",
        "subscription-key", "subscription_key", "subscriptionkey", "functions-key", "access-key", "access_key", "accesskey", "private-key", "private_key", "privatekey",
    ];

    /// <summary><see cref="SecretWords"/> searched at once, case-insensitively (one vectorized pass instead of a search a word).</summary>
    internal static readonly SearchValues<string> SecretWordSearch = SearchValues.Create(SecretWords, StringComparison.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> AlwaysSecret = AlwaysSecretHeaders.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> Challenges = new[] { "WWW-Authenticate", "Proxy-Authenticate" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> secretNames;
    private readonly Lock adding = new();

    // Replaced whole, never changed in place: a secret learned during the run (a fetched access token) is added while
    // other threads mask text with the lists they read.
    private volatile Known known;

    // The redactor this one was made from by adding a case's secrets; null for a run's own.
    private Redactor? origin;

    public Redactor(IEnumerable<string?> secretValues, IEnumerable<string?> secretNames)
    {
        known = Known.Of(secretValues);
        this.secretNames = new HashSet<string>(AlwaysSecretHeaders.Concat(secretNames.OfType<string>()), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A redactor made from <paramref name="from"/> by adding a case's secrets: its forms are computed for those alone.</summary>
    private Redactor(Redactor from, IEnumerable<string> more)
    {
        known = from.known.With(more);
        secretNames = from.secretNames;
        origin = from.origin ?? from;
    }

    public static Redactor None { get; } = new([], []);

    /// <summary>True when this is <paramref name="other"/> or was made from it (<see cref="With(IEnumerable{Probing.ProbeStep})"/>, <see cref="WithSecrets"/>).</summary>
    internal bool DerivesFrom(Redactor other) => ReferenceEquals(this, other) || ReferenceEquals(origin, other);

    /// <summary>Masks <paramref name="secret"/> from now on, in this redactor and in those it makes with <see cref="With"/>.</summary>
    public void Add(string secret)
    {
        lock (adding)
        {
            known = known.With([secret]);
        }
    }

    /// <summary>
    /// The credentials a configured URL carries, masked wherever text leaves the run: its user info (<c>user:password@</c>)
    /// and password, the value of each query parameter (<c>?code=...</c>, as an Azure Functions key), and each path segment
    /// that reads as a key (a webhook's, <see cref="PathSecrets"/>), and each label of its hostname so read
    /// (<c>https://&lt;32-hex key&gt;.webhook.example.com/</c>).
    /// </summary>
    public static IEnumerable<string> InUrl(Uri url)
    {
        var query = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).Where(p => p.Length == 2).Select(p => p[1]);
        var password = url.UserInfo.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? url.UserInfo[(colon + 1)..] : null;
        var host = url.HostNameType == UriHostNameType.Dns ? url.Host.Split('.').Where(PathSecrets.IsKey) : [];
        return new[] { url.UserInfo, password }.OfType<string>().Where(v => v.Length > 0).Concat(query).Concat(PathSecrets.Of(url.AbsolutePath)).Concat(host)
            .SelectMany(v => new[] { v, Uri.UnescapeDataString(v) });
    }

    /// <summary>
    /// This redactor plus the values the given requests sent in secret headers or query parameters (a Cookie in a
    /// custom row, an api key in a query), so a target that echoes them back in a body or header is masked too.
    /// </summary>
    public Redactor With(IEnumerable<Probing.ProbeRequest> requests) => WithSecrets(Sent(requests));

    /// <summary>This redactor plus <paramref name="secrets"/> (each also percent-encoded); itself when there are none.</summary>
    public Redactor WithSecrets(IReadOnlyCollection<string> secrets) =>
        secrets.Count == 0 ? this : new Redactor(this, secrets);

    /// <summary>
    /// The values the given requests send in secret headers, query parameters or form fields: each whole value, the
    /// credentials after an auth scheme, and each cookie's value (what <see cref="With"/> adds).
    /// </summary>
    public IReadOnlyList<string> Sent(IEnumerable<Probing.ProbeRequest> requests) =>
        requests.SelectMany(r => r.Headers.Concat(r.Query).Concat(FormFields(r))).Where(p => IsSecretName(p.Key)).SelectMany(p => SecretParts(p.Value)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// This redactor plus what the steps' requests sent (as <see cref="With(IEnumerable{Probing.ProbeRequest})"/>) and the
    /// credentials their responses handed out (<see cref="ResponseSecrets"/>: a session cookie, an OAuth access token).
    /// </summary>
    public Redactor With(IEnumerable<Probing.ProbeStep> steps)
    {
        var list = steps.ToList();
        var found = Sent(list.Select(s => s.Request)).Concat(list.Select(s => s.Response).OfType<Probing.ProbeResponse>().SelectMany(r => ResponseSecrets.Of(r, IsSecretName))).ToList();
        return found.Count == 0 ? this : new Redactor(this, found);
    }

    public bool IsSecretName(string name) => secretNames.Contains(name) || IsCredentialName(name);

    /// <summary>A name that reads as a credential's (Authorization, X-Session-Token, access_token, client_secret), whatever the pack.</summary>
    public static bool IsCredentialName(string name) =>
        AlwaysSecret.Contains(name) || (name.AsSpan().ContainsAny(SecretWordSearch) && !Challenges.Contains(name));

    public string Value(string name, string value) => IsSecretName(name) ? Mask : Text(value);

    /// <summary>
    /// A request body as it may be shown: in a form (<c>application/x-www-form-urlencoded</c>) the value of each field
    /// named like a credential (client_secret, password) masked, whatever its length; then every known secret masked.
    /// </summary>
    public string Body(string body, string? contentType) =>
        Text(Probing.FormEncoding.IsFormBody(body, contentType) ? Probing.FormEncoding.Mask(body, IsSecretName, Mask) : body);

    private static IEnumerable<KeyValuePair<string, string>> FormFields(Probing.ProbeRequest request) =>
        request.Body is { } body && Probing.FormEncoding.IsFormBody(body, request.ContentType) ? Probing.FormEncoding.Decode(body) : [];

    /// <summary>The whole value, the credentials after an auth scheme, and each cookie's value, any of which may be echoed alone.</summary>
    internal static IEnumerable<string> SecretParts(string value)
    {
        yield return value;
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && !value.Contains('=', StringComparison.Ordinal))
        {
            yield return value[(space + 1)..].Trim();
        }

        foreach (var pair in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && eq < pair.Length - 1)
            {
                yield return pair[(eq + 1)..];
            }
        }
    }

    /// <summary>
    /// A header's name with every known secret masked (a hostile target may write one into it). A name is one token, with
    /// no room for a URL or a <c>name=value</c> pair, so only the secrets' forms are searched: one pass, no copy when none is there.
    /// </summary>
    public string Name(string name)
    {
        var now = known;
        return now.Forms.Count == 0 ? name : SecretMatches.Mask(name, now.Forms, now.Search);
    }

    /// <summary>The text with every known secret, in each of its forms and with its ASCII letters in either case, masked; then credentials in URLs and after names like a credential's (<see cref="PairSecrets"/>).</summary>
    public string Text(string text)
    {
        var now = known; // one list of forms and its search, whatever another thread adds meanwhile
        if (now.Masked(text) is { } masked)
        {
            return masked;
        }

        var result = Masked(text, now);
        now.Remember(text, result);
        return result;
    }

    private string Masked(string text, Known now)
    {
        if (now.Forms.Count > 0)
        {
            text = Base64Secrets.Mask(WrappedSecrets.Mask(SecretMatches.Mask(text, now.Forms, now.Search), now.Forms, now.Search), now.Forms, now.Search);
        }

        text = PairSecrets.Mask(UrlSecrets.Mask(text, IsSecretName), IsSecretName);
        return now.Forms.Count == 0 ? text : CutSecrets.Mask(text, now.Forms);
    }

    /// <summary>
    /// The secrets, and each also as it appears inside a URL or a form body (percent-encoded) or a JSON string (escaped),
    /// where an error message or a check may quote it, and a Basic credential's password as a target that decodes it may
    /// quote it; the forms folded (<see cref="SecretMatches.Fold"/>), as they are matched.
    /// </summary>
    private sealed record Known(List<string> Secrets, List<string> Forms)
    {
        /// <summary>Texts of at most this many characters are remembered masked (<see cref="Remember"/>).</summary>
        public const int RememberedLength = 256;

        /// <summary>At most this many texts are remembered: about 4 MiB at the longest.</summary>
        public const int RememberedCount = 8192;

        private SearchValues<string>? search;

        // A run masks the same short texts in case after case (a check's "Received 401 as expected.", a content type, a
        // label): each is masked once with these forms and these secret names (a Known belongs to one redactor and those
        // made from it, which share its names; a secret added later makes a new Known, which remembers nothing yet).
        private System.Collections.Concurrent.ConcurrentDictionary<string, string>? remembered;
        private int rememberedCount;

        /// <summary>The forms searched at once (made on first use; a race makes it twice, to the same effect).</summary>
        public SearchValues<string> Search => search ??= SearchValues.Create(Forms.ToArray(), StringComparison.Ordinal);

        /// <summary>The text as masked before, or null.</summary>
        public string? Masked(string text) =>
            text.Length <= RememberedLength && remembered is { } known && known.TryGetValue(text, out var masked) ? masked : null;

        public void Remember(string text, string masked)
        {
            if (text.Length <= RememberedLength)
            {
                var known = remembered ??= new(StringComparer.Ordinal); // a race makes it twice: one is kept, the other's texts are masked again
                if (Interlocked.Increment(ref rememberedCount) <= RememberedCount)
                {
                    known.TryAdd(text, masked);
                }
            }
        }

        public static Known Of(IEnumerable<string?> values) => new Known([], []).With(values.OfType<string>());

        /// <summary>These secrets plus <paramref name="more"/>; the forms of those already known are not computed again (a case's redactor adds a few to the run's many).</summary>
        public Known With(IEnumerable<string> more)
        {
            // A value holding a secret already known (a case's "Bearer <token>") is masked around it in every form already:
            // each form is written character by character, or (base64) at every alignment, so it needs none of its own.
            var added = more.SelectMany(SecretForms.WithBasicParts).Where(v => v.Length >= MinSecretLength).Distinct(StringComparer.Ordinal)
                .Where(v => !Secrets.Any(known => v.Contains(known, StringComparison.Ordinal))).ToList();
            return added.Count == 0 ? this : new Known(
                [.. Secrets, .. added],
                Forms.Concat(added.SelectMany(SecretForms.Of).Select(SecretMatches.Fold)).Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length).ToList());
        }
    }
}
