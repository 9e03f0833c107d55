using Conformance.Contracts;

namespace Conformance.Probing;

/// <summary>
/// A request as the scenario wants it sent. <see cref="Credential"/> is the secret (or a deliberately wrong one);
/// the sender places it as the pack's auth scheme says, and every report masks it.
/// </summary>
public sealed record ProbeRequest(
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? Body,
    string? ContentType,
    string? Credential)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public ProbeRequest WithHeader(string name, string value) =>
        this with { Headers = [.. Headers.Where(h => !string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)), new(name, value)] };

    public ProbeRequest WithBody(string? body, string? contentType) => this with { Body = body, ContentType = contentType };

    /// <summary>
    /// The request as it goes out: the credential placed as <paramref name="auth"/> says, in its header (a cookie joins
    /// the request's own cookies) or as its query parameter after the others, and no longer held apart. Unchanged
    /// without a credential or a scheme.
    /// </summary>
    public ProbeRequest Placed(AuthScheme? auth)
    {
        if (Credential is null || auth is null)
        {
            return this;
        }

        var value = auth.Render(Credential);
        var placed = auth.Header is { } header
            ? WithHeader(header, auth.Cookie is not null && Header(header) is { Length: > 0 } cookies ? $"{cookies}; {value}" : value)
            : auth.QueryParameter is { } parameter ? this with { Query = [.. Query, new(parameter, value)] } : this;
        return placed with { Credential = null };
    }
}
