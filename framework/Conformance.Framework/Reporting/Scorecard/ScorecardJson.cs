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

    /// <summary>
    /// The case verdicts of an earlier scorecard.json, or null when the file is missing, unreadable or from before
    /// verdicts were written (the run then has nothing to compare with; never an error).
    /// </summary>
    public static IReadOnlyDictionary<string, Verdict>? ReadVerdicts(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            if (!document.RootElement.TryGetProperty("verdicts", out var verdicts) || verdicts.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var result = new Dictionary<string, Verdict>(StringComparer.Ordinal);
            foreach (var entry in verdicts.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.String && Enum.TryParse<Verdict>(entry.Value.GetString(), ignoreCase: true, out var verdict))
                {
                    result[entry.Name] = verdict;
                }
            }

            return result;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
