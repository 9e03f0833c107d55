using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Probing.Scenarios;

/// <summary>
/// A scenario argument that is sent as text (an id, a Content-Type): a list or mapping would go out as its JSON text
/// (<c>Content-Type: ["a"]</c>) and an empty value as nothing (<c>/things/</c>, the collection), so both are CT0115.
/// </summary>
internal static class ScenarioText
{
    public static ScenarioProblem? Check(IReadOnlyDictionary<string, JsonNode?> with, string key, string scenario, string sent)
    {
        if (!with.TryGetValue(key, out var node))
        {
            return null;
        }

        var text = node is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number ? v.ToString() : null;
        return text is { Length: > 0 } && text.Trim().Length > 0 ? null
            : new ScenarioProblem($"'{key}' of scenario '{scenario}' must be text, found {(node is null || text is not null ? "an empty value" : node.ToJsonString())}",
                $"it is sent as {sent}, and a list, mapping or empty value would send something else", $"Write {key}: <text>, or leave it out for the default.");
    }
}
