namespace Conformance.Pact;

/// <summary>The request of an interaction, matched exactly by the mock server.</summary>
/// <param name="Method">HTTP method, e.g. GET.</param>
/// <param name="Path">Path without query, e.g. /orders/42.</param>
/// <param name="Query">Query parameters in order; a name may repeat.</param>
/// <param name="Headers">Request headers the provider needs.</param>
/// <param name="JsonBody">JSON body text, or null for none.</param>
public sealed record PactRequest(
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyDictionary<string, string> Headers,
    string? JsonBody)
{
    /// <summary>
    /// A regular expression the mock server matches the path with instead of <see cref="Path"/> exactly (a segment the
    /// consumer learns at run time, such as the id a setup created); the verifier still sends <see cref="Path"/>.
    /// </summary>
    public string? PathPattern { get; init; }

    /// <summary>
    /// A ProviderState generator expression for the path, e.g. <c>/v1/notes/${note_id}</c>: a verifier sends the path
    /// with the values its provider-state call returned in place of each <c>${name}</c>, and <see cref="Path"/> when it
    /// has none. Written together with <see cref="PathPattern"/>, which the consumer side matches with.
    /// </summary>
    public string? PathExpression { get; init; }

    /// <summary>
    /// ProviderState generator expressions for headers, by name (<c>X-Note: ${note_id}</c>): a verifier sends the value
    /// its provider-state call returned; the consumer side matches the header by type (any value).
    /// </summary>
    public IReadOnlyDictionary<string, string> HeaderExpressions { get; init; } = new Dictionary<string, string>();

    /// <summary>ProviderState generator expressions for query parameters, by name, as <see cref="HeaderExpressions"/>.</summary>
    public IReadOnlyDictionary<string, string> QueryExpressions { get; init; } = new Dictionary<string, string>();

    /// <summary>A request with no query, headers or body.</summary>
    public static PactRequest Of(string method, string path) =>
        new(method, path, [], new Dictionary<string, string>(), null);
}
