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

    /// <summary>
    /// The value of <c>verdictKeys</c>: the verdicts are kept by the key Allure's history follows
    /// (<see cref="CaseIdentity.Key"/>). A file without it was written by the version before, which kept them by case name.
    /// </summary>
    public const string HistoryKeys = "history-key";

    public static string Render(RunScorecard card) => JsonSerializer.Serialize(card, Options);

    /// <summary>
    /// The case verdicts of an earlier scorecard.json, marked when kept by the older keys (no <c>verdictKeys</c>), or null
    /// when the file is missing, unreadable, from before verdicts were written or of a key format this version does not
    /// know (the run then has nothing to compare with; never an error).
    /// </summary>
    public static Baseline? ReadVerdicts(string path) => Read(path).Baseline;

    /// <summary>
    /// As <see cref="ReadVerdicts"/>, with why a file that is there gave no verdicts (null when it is missing or was read):
    /// <c>it is not valid JSON (...)</c>, <c>it has no verdicts</c>, ...
    /// </summary>
    public static (Baseline? Baseline, string? Problem) Read(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return (null, null);
            }

            using var document = JsonDocument.Parse(new MemoryStream(Files.WholeFile.Bytes(path, Files.FileKind.Scorecard))); // a pipe or a link to /dev/zero is refused unread
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("verdicts", out var verdicts) || verdicts.ValueKind != JsonValueKind.Object)
            {
                return (null, "it has no \"verdicts\" object (written before verdicts were kept, or not a scorecard)");
            }

            var keys = root.TryGetProperty("verdictKeys", out var format) ? format.ToString() : null;
            if (keys is not null && keys != HistoryKeys)
            {
                return (null, $"its \"verdictKeys\" is '{keys}', a key format this version does not know (only '{HistoryKeys}')");
            }

            var result = new Dictionary<string, Verdict>(StringComparer.Ordinal);
            foreach (var entry in verdicts.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.String && Enum.TryParse<Verdict>(entry.Value.GetString(), ignoreCase: true, out var verdict))
                {
                    result[entry.Name] = verdict;
                }
            }

            return (new Baseline(result) { OlderKeys = keys is null && result.Count > 0, KnownIssues = KnownIssues(root) }, null);
        }
        catch (Files.FileRefused ex)
        {
            return (null, $"it could not be read: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"it could not be read ({ex.GetType().Name}: {ex.Message})");
        }
        catch (JsonException ex)
        {
            return (null, $"it is not valid JSON ({ex.Message})");
        }
    }

    private static HashSet<string>? KnownIssues(JsonElement root) =>
        root.TryGetProperty("knownIssues", out var known) && known.ValueKind == JsonValueKind.Array
            ? known.EnumerateArray().Where(k => k.ValueKind == JsonValueKind.String).Select(k => k.GetString()!).ToHashSet(StringComparer.Ordinal)
            : null;
}
