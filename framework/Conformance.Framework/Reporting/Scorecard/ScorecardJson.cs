using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conformance.Reporting.Scorecard;

/// <summary><c>scorecard.json</c>: the same card for tools (dashboards, diffing two nights).</summary>
public static class ScorecardJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string Render(RunScorecard card) => JsonSerializer.Serialize(card, Options);
}
