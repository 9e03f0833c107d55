using Conformance.Contracts;

namespace Conformance.Pact.Export;

/// <summary>
/// The headers and query parameters of a setup row written as exactly one captured variable (<c>X-Note: ${note_id}</c>)
/// and still carrying its example in the recorded request: each becomes a ProviderState generator expression, matched
/// by type on the consumer side (the suites send the captured value).
/// </summary>
internal static class SetupValues
{
    public static PactRequest WithGenerators(PactRequest request, Operation written, Operation bound, OperationSetup setup)
    {
        bool Captured(string value) => setup.Capture.Keys.Any(name => value == "${" + name + "}");
        var headers = written.Headers
            .Where(h => Captured(h.Value) && bound.Headers.TryGetValue(h.Key, out var example) && request.Headers.TryGetValue(h.Key, out var sent) && sent == example)
            .ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (w, b) in written.Query.Zip(bound.Query))
        {
            if (Captured(w.Value) && request.Query.Contains(b))
            {
                query.TryAdd(w.Key, w.Value);
            }
        }

        return request with { HeaderExpressions = headers, QueryExpressions = query };
    }
}
