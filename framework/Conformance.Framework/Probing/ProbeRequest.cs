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
}
