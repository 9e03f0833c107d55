using System.Text.Json;

namespace Conformance.Pact;

/// <summary>
/// Turns the mock server's mismatch JSON into one line per problem, sorted, for assertion messages:
/// <c>GET /orders/42: Expected a header 'Accept' but was missing</c>,
/// <c>GET /orders/7: unexpected request, no interaction matches it</c>,
/// <c>GET /orders/999: expected request was never received</c>.
/// </summary>
internal static class MockServerMismatches
{
    internal static string Describe(string json)
    {
        using var document = JsonDocument.Parse(json);
        var lines = new List<string>();
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var request = $"{Text(entry, "method")} {Text(entry, "path")}";
            switch (Text(entry, "type"))
            {
                case "request-mismatch" when entry.TryGetProperty("mismatches", out var details):
                    lines.AddRange(details.EnumerateArray().Select(d => $"{request}: {Text(d, "mismatch")}"));
                    break;
                case "request-not-found":
                    lines.Add($"{request}: unexpected request, no interaction matches it");
                    break;
                case "missing-request":
                    lines.Add($"{request}: expected request was never received");
                    break;
                default:
                    lines.Add($"{request}: {entry.GetRawText()}");
                    break;
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "?";
}
