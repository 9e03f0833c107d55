using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;

namespace Conformance.Import;

/// <summary>
/// OpenAPI 3.1 bounds the reader loses: a schema with both <c>minimum</c> and <c>exclusiveMinimum</c> (numbers, as JSON
/// Schema 2020-12 allows) is read with the exclusive one alone, so <c>minimum: 7.5, exclusiveMinimum: -5</c> drafted -4.5
/// and wrote a schema file that accepts it. Both are lower bounds, and a value must meet both: the weaker one is
/// dropped from the raw document before it is read (the same for <c>maximum</c> and <c>exclusiveMaximum</c>).
/// </summary>
internal static class RawBounds
{
    /// <summary>Keys whose values are data (examples, defaults, enums), not schemas: their objects are left as they are.</summary>
    private static readonly HashSet<string> Data = new(StringComparer.Ordinal) { "example", "examples", "default", "const", "enum", "value" };

    /// <summary>Keys whose values map names to schemas (a property called <c>example</c> is a schema).</summary>
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal) { "properties", "patternProperties", "$defs", "definitions", "schemas", "dependentSchemas" };

    /// <summary>The document as JSON with the weaker of each pair of bounds dropped; null when no schema has such a pair (or the text is not JSON or YAML).</summary>
    public static string? Tightened(string text, bool json)
    {
        var root = Parse(text, json);
        var v31 = IsV31(root);
        return root is not null && Walk(root, names: false, obj => Tighten(obj, "minimum", "exclusiveMinimum", lower: true, v31) | Tighten(obj, "maximum", "exclusiveMaximum", lower: false, v31)) ? root.ToJsonString() : null;
    }

    /// <summary>True when <paramref name="root"/> is an OpenAPI 3.1 document.</summary>
    public static bool IsV31(JsonNode? root) =>
        root?["openapi"] is JsonValue version && version.GetValueKind() == JsonValueKind.String && version.GetValue<string>().StartsWith("3.1", StringComparison.Ordinal);

    /// <summary>The document's text as a JSON tree (YAML read as the OpenAPI reader reads it); null when it is neither.</summary>
    public static JsonNode? Parse(string text, bool json)
    {
        try
        {
            return json ? JsonNode.Parse(text) : Yaml(text);
        }
        catch (Exception e) when (e is JsonException or SharpYaml.YamlException or InvalidOperationException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    private static JsonNode? Yaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 1 ? stream.Documents[0].ToJsonNode() : null;
    }

    /// <summary>
    /// Calls <paramref name="visit"/> on every object of the document that may be a schema (not the values of data keywords
    /// such as <c>example</c> or <c>const</c>, nor of <c>x-</c> extensions, nor a map of names such as <c>properties</c>
    /// itself); true when any visit changed something.
    /// </summary>
    internal static bool Walk(JsonNode node, bool names, Func<JsonObject, bool> visit)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                changed |= !names && visit(obj);
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is not null && (names || (!Data.Contains(key) && !key.StartsWith("x-", StringComparison.Ordinal))))
                    {
                        changed |= Walk(value, names: !names && Names.Contains(key), visit);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>())
                {
                    changed |= Walk(item, names: false, visit);
                }

                break;
        }

        return changed;
    }

    /// <summary>Drops the weaker of an inclusive and an exclusive bound given together as numbers.</summary>
    private static bool Tighten(JsonObject obj, string inclusive, string exclusive, bool lower, bool v31)
    {
        if (v31 && Flag(obj[exclusive]) is { } exclusiveFlag)
        {
            // 3.0's boolean form in a 3.1 document (a common leftover of an upgrade): the reader writes it back as
            // the text True, which is no JSON. true with a bound means that bound, exclusive; false, or no bound, nothing.
            obj.Remove(exclusive);
            if (exclusiveFlag && obj[inclusive] is { } limit)
            {
                obj.Remove(inclusive);
                obj[exclusive] = limit.DeepClone();
            }

            return true;
        }

        if (Number(obj[inclusive]) is not { } bound || Number(obj[exclusive]) is not { } strict)
        {
            return false;
        }

        // The exclusive bound is the stronger unless the inclusive one lies strictly beyond it.
        var inclusiveWins = NumberText.Compare(bound, strict) is var order && (lower ? order > 0 : order < 0);
        obj.Remove(inclusiveWins ? exclusive : inclusive);
        return true;
    }

    /// <summary>A boolean written for an exclusive bound (YAML may give it as the text true/false), else null.</summary>
    private static bool? Flag(JsonNode? node) =>
        node is JsonValue value
            ? value.GetValueKind() switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String when bool.TryParse(value.GetValue<string>(), out var flag) => flag,
                _ => null,
            }
            : null;

    /// <summary>A bound's number as text (a YAML scalar may come as a string), or null when it is not one (3.0's boolean exclusives).</summary>
    private static string? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() is JsonValueKind.Number or JsonValueKind.String
            && (value.GetValueKind() == JsonValueKind.Number ? value.ToJsonString() : value.GetValue<string>()) is var text
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? text : null;
}
