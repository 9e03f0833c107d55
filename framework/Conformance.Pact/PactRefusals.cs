using System.Text.Json;
using Conformance.Contracts;

namespace Conformance.Pact;

/// <summary>
/// Which requests replay an interaction that carries the exported credential and expects 401, read from the pacts the
/// verifier replays: the <see cref="CredentialProxy"/> renews no fetched token for such a request (the 401 is the answer
/// the interaction expects, as a row expecting 401 renews none). The proxy sees a request, not the interaction, so a
/// request counts only when every interaction with the credential it may replay expects 401: the same method and path
/// (under the target's base path), or the same method and a path the verifier generates from a provider state (any
/// path). Interactions that differ only in a header, the query or the body cannot be told apart: then the 401 is
/// renewed for, as before.
/// </summary>
public sealed class PactRefusals
{
    private readonly List<(string Method, string? Path, bool Refusal)> replayed;

    private PactRefusals(List<(string Method, string? Path, bool Refusal)> replayed) => this.replayed = replayed;

    /// <summary>No interaction known: every request refused is renewed for.</summary>
    public static PactRefusals None { get; } = new([]);

    /// <summary>The interactions of <paramref name="pacts"/> (pact JSON texts) that carry <paramref name="auth"/>'s exported credential.</summary>
    /// <exception cref="JsonException">A pact is not JSON.</exception>
    public static PactRefusals Read(IEnumerable<string> pacts, AuthScheme auth)
    {
        var swap = new CredentialSwap(auth, PactCredentials.Exported(auth));
        var replayed = new List<(string, string?, bool)>();
        foreach (var pact in pacts)
        {
            using var document = JsonDocument.Parse(pact);
            if (!document.RootElement.TryGetProperty("interactions", out var interactions) || interactions.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var interaction in interactions.EnumerateArray())
            {
                if (interaction.TryGetProperty("request", out var request) && request.ValueKind == JsonValueKind.Object && Carries(request, auth, swap))
                {
                    var method = Text(request, "method") ?? "GET";
                    var generated = request.TryGetProperty("generators", out var generators) && generators.ValueKind == JsonValueKind.Object && generators.TryGetProperty("path", out _);
                    var status = interaction.TryGetProperty("response", out var response) && response.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : 200;
                    replayed.Add((method.ToUpperInvariant(), generated ? null : Text(request, "path") ?? "/", status == 401));
                }
            }
        }

        return new PactRefusals(replayed);
    }

    /// <summary>
    /// True when every interaction with the credential that a request of <paramref name="method"/> to
    /// <paramref name="path"/> (as the pact writes it, decoded, without the base path and query) may replay expects 401.
    /// </summary>
    public bool Expected(string method, string path)
    {
        var candidates = replayed.Where(r => r.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && (r.Path is null || r.Path == path)).ToList();
        return candidates.Count > 0 && candidates.All(r => r.Refusal);
    }

    /// <summary>Whether the request carries the exported credential where the scheme places it (a header, or the query).</summary>
    private static bool Carries(JsonElement request, AuthScheme auth, CredentialSwap swap)
    {
        if (auth.Header is { } header && request.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object
            && headers.EnumerateObject().Any(h => h.Name.Equals(header, StringComparison.OrdinalIgnoreCase) && Values(h.Value).Any(v => swap.Swapped(v) is not null)))
        {
            return true;
        }

        if (auth.QueryParameter is not { } parameter || !request.TryGetProperty("query", out var query))
        {
            return false;
        }

        if (query.ValueKind == JsonValueKind.String)
        {
            var found = 0;
            _ = swap.Query("?" + query.GetString(), ref found);
            return found > 0;
        }

        return query.ValueKind == JsonValueKind.Object && query.TryGetProperty(parameter, out var value) && Values(value).Contains(swap.From, StringComparer.Ordinal);
    }

    /// <summary>A value as a pact writes it: a string (v2/v3 headers) or a list of strings (v3 query, v4 headers).</summary>
    private static IEnumerable<string> Values(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!),
        _ => [],
    };

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
