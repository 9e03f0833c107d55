using System.Globalization;
using System.Text.Json.Nodes;

namespace Conformance.Pact.Export;

/// <summary>
/// One schema object meeting both of two (an <c>allOf</c> member or a chosen branch merged into its parent):
/// <c>required</c> joined, <c>properties</c> merged by name, <c>type</c> and <c>enum</c> intersected, lower bounds
/// raised and upper bounds lowered, annotations kept from the parent. Any other keyword both give differently is
/// refused, saying where (the merged example is checked against the original schema afterwards anyway).
/// </summary>
internal static class SchemaMerge
{
    private static readonly string[] Lower = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"];
    private static readonly string[] Upper = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"];
    private static readonly string[] Annotations = ["$schema", "$id", "$comment", "title", "description", "examples", "default"];

    /// <summary>Merges <paramref name="addition"/> into <paramref name="target"/> (changed and returned).</summary>
    public static JsonObject Merge(JsonObject target, JsonObject addition, string path)
    {
        foreach (var (key, value) in addition)
        {
            if (!target.TryGetPropertyValue(key, out var existing))
            {
                target[key] = value?.DeepClone();
            }
            else if (!JsonNode.DeepEquals(existing, value) && !Annotations.Contains(key))
            {
                target[key] = Combine(key, existing, value, path);
            }
        }

        return target;
    }

    private static JsonNode? Combine(string key, JsonNode? existing, JsonNode? value, string path) => key switch
    {
        "required" => new JsonArray([.. Names(existing).Union(Names(value)).Select(n => (JsonNode?)JsonValue.Create(n))]),
        "properties" when existing is JsonObject a && value is JsonObject b => Properties(a, b, path),
        "type" => Types(existing, value, path),
        "enum" when existing is JsonArray a && value is JsonArray b => Enum(a, b, path),
        _ when Lower.Contains(key) => Number(Math.Max(existing!.GetValue<double>(), value!.GetValue<double>())),
        _ when Upper.Contains(key) => Number(Math.Min(existing!.GetValue<double>(), value!.GetValue<double>())),
        _ => throw new NotSupportedException($"{path}: '{key}' differs between the schemas to merge"),
    };

    /// <summary>A bound as parsed JSON (as the schema's own numbers are), so readers may take it as int or double.</summary>
    private static JsonNode Number(double value) => JsonNode.Parse(value.ToString("R", CultureInfo.InvariantCulture))!;

    private static JsonObject Properties(JsonObject existing, JsonObject addition, string path)
    {
        var merged = (JsonObject)existing.DeepClone();
        foreach (var (name, schema) in addition)
        {
            merged[name] = merged[name] is JsonObject mine && schema is JsonObject theirs
                ? Merge(mine, theirs, SchemaMatchers.MemberPath(path, name))
                : merged[name] ?? schema?.DeepClone();
        }

        return merged;
    }

    private static JsonNode Types(JsonNode? existing, JsonNode? value, string path)
    {
        var a = Names(existing);
        var b = Names(value);
        var common = a.Where(t => b.Contains(t) || (t == "integer" && b.Contains("number")))
            .Union(b.Where(t => t == "integer" && a.Contains("number")))
            .ToList();
        return common.Count switch
        {
            0 => throw new NotSupportedException($"{path}: the types {string.Join("/", a)} and {string.Join("/", b)} have nothing in common"),
            1 => JsonValue.Create(common[0]),
            _ => new JsonArray([.. common.Select(t => (JsonNode?)JsonValue.Create(t))]),
        };
    }

    private static JsonArray Enum(JsonArray existing, JsonArray addition, string path)
    {
        var common = existing.Where(v => addition.Any(w => JsonNode.DeepEquals(v, w))).Select(v => v?.DeepClone()).ToList();
        return common.Count > 0 ? new JsonArray([.. common]) : throw new NotSupportedException($"{path}: the enums to merge have no value in common");
    }

    private static List<string> Names(JsonNode? node) => node switch
    {
        JsonValue single => [single.GetValue<string>()],
        JsonArray many => [.. many.Select(n => n!.GetValue<string>())],
        _ => [],
    };
}
