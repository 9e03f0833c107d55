using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Contracts;
using Conformance.Diagnostics;
using Conformance.Tables;

namespace Conformance.Probing.Scenarios;

/// <summary>Edits the baseline JSON body at a field given as a JSON Pointer (or a bare top-level name).</summary>
internal static class BodyEdit
{
    public static string Pointer(string field) => field.StartsWith('/') ? field : "/" + JsonPointer.Escape(field);

    public static ScenarioProblem? RequireField(Operation operation, IReadOnlyDictionary<string, JsonNode?> with)
    {
        var field = with.TryGetValue("field", out var f) ? f?.ToString() : null;
        if (field is null)
        {
            return null;
        }

        if (operation.Body is null)
        {
            return new ScenarioProblem($"Operation '{operation.Id}' has no baseline body", $"field '{field}' cannot be changed", "Add a body to the operation in api.yaml.");
        }

        return Locate(operation.Body.DeepClone(), Pointer(field)) is not null
            ? null
            : new ScenarioProblem($"Field '{field}' is not in the baseline body of operation '{operation.Id}'", "the scenario edits an existing field",
                $"Name a field of the body ({string.Join(", ", TopLevel(operation.Body))}) or add it to the baseline.{Suggestion(field, operation.Body)}");
    }

    /// <summary>" Did you mean '/name'?" for a misspelt pointer (every field of the body, nested too), or 'name' for a bare top-level name.</summary>
    private static string Suggestion(string field, JsonNode body) =>
        DidYouMean.Suffix(field, field.StartsWith('/') ? Pointers(body, string.Empty).Take(MaxSuggested) : TopLevel(body));

    /// <summary>How many of the body's pointers a misspelt field is compared with: a large baseline body stays quick to load.</summary>
    private const int MaxSuggested = 1000;

    private static IEnumerable<string> Pointers(JsonNode? node, string at) => node switch
    {
        JsonObject o => o.SelectMany(p => Within(p.Value, $"{at}/{JsonPointer.Escape(p.Key)}")),
        JsonArray a => a.SelectMany((item, i) => Within(item, $"{at}/{i.ToString(CultureInfo.InvariantCulture)}")),
        _ => [],
    };

    /// <summary>A member's pointer, then those of the values inside it.</summary>
    private static IEnumerable<string> Within(JsonNode? node, string pointer) => Pointers(node, pointer).Prepend(pointer);

    public static JsonNode Remove(JsonNode body, string pointer)
    {
        var copy = body.DeepClone();
        var (parent, last) = Locate(copy, pointer) ?? throw new InvalidOperationException($"'{pointer}' not in body");
        if (parent is JsonObject obj)
        {
            obj.Remove(last);
        }
        else if (parent is JsonArray arr)
        {
            arr.RemoveAt(int.Parse(last, CultureInfo.InvariantCulture));
        }

        return copy;
    }

    public static JsonNode Set(JsonNode body, string pointer, JsonNode? value)
    {
        var copy = body.DeepClone();
        var (parent, last) = Locate(copy, pointer) ?? throw new InvalidOperationException($"'{pointer}' not in body");
        if (parent is JsonObject obj)
        {
            obj[last] = value?.DeepClone();
        }
        else if (parent is JsonArray arr)
        {
            arr[int.Parse(last, CultureInfo.InvariantCulture)] = value?.DeepClone();
        }

        return copy;
    }

    private static (JsonNode Parent, string Last)? Locate(JsonNode root, string pointer)
    {
        var tokens = JsonPointer.Tokens(pointer);
        if (tokens.Count == 0)
        {
            return null;
        }

        JsonNode? node = root;
        foreach (var token in tokens.Take(tokens.Count - 1))
        {
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(token, out var c) => c,
                JsonArray a when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        var last = tokens[^1];
        var exists = node switch
        {
            JsonObject o => o.ContainsKey(last),
            JsonArray a => int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count,
            _ => false,
        };
        return exists ? (node!, last) : null;
    }

    private static IEnumerable<string> TopLevel(JsonNode body) => body is JsonObject o ? o.Select(p => p.Key) : [];
}
