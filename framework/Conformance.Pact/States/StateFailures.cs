using System.Text.Json;

namespace Conformance.Pact.States;

/// <summary>
/// Puts the reason a provider state was not set up into the verification result: the verifier only reports "One or more
/// of the setup state change handlers has failed", so each interaction with that error gets the failure of its own
/// states (from the pact files), or, when its states cannot be read (pacts from a broker), every state that failed; and
/// each interaction gets the warnings of its states' teardowns.
/// </summary>
internal static class StateFailures
{
    private const string VerifierError = "state change handlers has failed";

    /// <param name="warnings">The teardown warnings by state: shown on every interaction of that state (pacts from files only).</param>
    public static PactVerificationResult Explain(PactVerificationResult result, IReadOnlyDictionary<string, string> failures, IReadOnlyDictionary<string, IReadOnlyList<string>> warnings, PactSource source)
    {
        if (failures.Count == 0 && warnings.Count == 0)
        {
            return result;
        }

        var states = StatesByDescription(source);
        return result with
        {
            Interactions = [.. result.Interactions.Select(i => i.Mismatch is { } mismatch && mismatch.Contains(VerifierError, StringComparison.Ordinal)
                ? i with { Mismatch = string.Join(Environment.NewLine, Reasons(states.GetValueOrDefault(i.Description), failures)) }
                : i with { Warnings = [.. (states.GetValueOrDefault(i.Description) ?? []).Distinct(StringComparer.Ordinal).SelectMany(s => warnings.GetValueOrDefault(s) ?? [])] })],
        };
    }

    private static IEnumerable<string> Reasons(IReadOnlyList<string>? states, IReadOnlyDictionary<string, string> failures) =>
        (states?.Where(failures.ContainsKey).ToList() is { Count: > 0 } own ? own : [.. failures.Keys.Order(StringComparer.Ordinal)]).Select(s => failures[s]);

    /// <summary>Each interaction's provider-state names, from the pact files of a file or folder source (V2 to V4).</summary>
    private static Dictionary<string, IReadOnlyList<string>> StatesByDescription(PactSource source)
    {
        var paths = source switch
        {
            FileSource files => files.Paths,
            FolderSource folder when Directory.Exists(folder.Path) => Directory.EnumerateFiles(folder.Path, "*.json").ToList(),
            _ => [],
        };
        var states = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            try
            {
                using var pact = JsonDocument.Parse(File.ReadAllText(path));
                if (!pact.RootElement.TryGetProperty("interactions", out var interactions) || interactions.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var interaction in interactions.EnumerateArray())
                {
                    var names = interaction.TryGetProperty("providerStates", out var given) && given.ValueKind == JsonValueKind.Array
                        ? given.EnumerateArray().Select(s => s.TryGetProperty("name", out var n) ? n.GetString() : null).OfType<string>().ToList()
                        : interaction.TryGetProperty("providerState", out var one) && one.ValueKind == JsonValueKind.String ? [one.GetString()!] : [];
                    if (interaction.TryGetProperty("description", out var description) && description.GetString() is { } text)
                    {
                        states[text] = [.. states.GetValueOrDefault(text) ?? [], .. names];
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                // An unreadable file is the verifier's to report; its interactions get every failure.
            }
        }

        return states;
    }
}
