using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Probing;
using Conformance.Schema;

namespace Conformance.Import.Tests;

/// <summary>
/// Judges a drafted form body as the API receives it: the pack's fields are encoded as the framework sends them, then read
/// back field by field as the document's <c>encoding</c> says (a JSON field parsed, <c>deepObject</c>'s <c>name[key]</c>
/// gathered, an unexploded list split at its style's delimiter, a repeated name as a list, texts typed by the field's
/// schema), and the value is validated by the project's validator (formats asserted). A miss is a finding unless a note of
/// the operation names its field.
/// </summary>
internal static class FormFuzzJudge
{
    public static IEnumerable<string> Findings(string op, JsonObject schema, JsonObject? encoding, JsonNode? drafted, IReadOnlyList<string> notes)
    {
        var pairs = FormEncoding.Decode(FormEncoding.Encode(drafted));
        var received = new JsonObject();
        var properties = Properties(schema);
        foreach (var (name, property) in properties)
        {
            if (Field(name, property!.AsObject(), encoding?[name] as JsonObject, pairs) is { Found: true } field)
            {
                received[name] = field.Value;
            }
        }

        var validator = JsonSchema.Parse(schema.ToJsonString(), options: new SchemaOptions { FormatAssertion = true, ValidateAgainstMetaschema = false }).Schema!;
        var noted = properties.Select(p => p.Key)
            .Where(f => notes.Any(n => n.Contains(op, StringComparison.Ordinal) && (n.Contains($"'{f}'", StringComparison.Ordinal) || n.Contains($"/{f}", StringComparison.Ordinal)))).ToList();
        return validator.Validate(received).Errors
            .Where(e => !noted.Any(f => e.InstanceLocation.StartsWith($"/{f}", StringComparison.Ordinal) || (e.InstanceLocation.Length == 0 && e.Message.Contains($"\"{f}\"", StringComparison.Ordinal))))
            .Select(e => $"{op}: the API reads {received.ToJsonString()} from the form {FormEncoding.Encode(drafted)}: {e.InstanceLocation} {e.Message} [{e.KeywordLocation}]");
    }

    /// <summary>The body's fields: its own properties, or those of its allOf parts.</summary>
    private static List<KeyValuePair<string, JsonNode?>> Properties(JsonObject schema) =>
        [.. (schema["allOf"] is JsonArray parts ? parts.Select(p => p!.AsObject()) : [schema]).SelectMany(p => p["properties"]!.AsObject())];

    private static (bool Found, JsonNode? Value) Field(string name, JsonObject schema, JsonObject? how, IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        var values = pairs.Where(p => p.Key == name).Select(p => p.Value).ToList();
        var style = how?["style"]?.GetValue<string>();
        var explode = how?["explode"]?.GetValue<bool>() ?? style is null or "form";
        if (style == "deepObject")
        {
            var members = pairs.Where(p => p.Key.StartsWith(name + "[", StringComparison.Ordinal)).ToList();
            return members.Count == 0 ? (false, null) : (true, Deep(name, schema, members));
        }

        if (style is not null && !explode)
        {
            var delimiter = style switch { "spaceDelimited" => " ", "pipeDelimited" => "|", _ => "," };
            return values.Count == 0 ? (false, null) : (true, Typed(schema, values[0], delimiter));
        }

        if (style is null && how?["contentType"]?.GetValue<string>() is { } type && type.Contains("json", StringComparison.Ordinal))
        {
            return values.Count == 0 ? (false, null) : (true, Json(values[0]));
        }

        return values.Count == 0 || Kind(schema) == "object" ? (false, null) : (true, Typed(schema, [.. values]));
    }

    /// <summary>The object <c>name[key]=value</c> pairs (and <c>name[key][inner]</c>) spell.</summary>
    private static JsonObject Deep(string name, JsonObject schema, List<KeyValuePair<string, string>> members)
    {
        var value = new JsonObject();
        foreach (var group in members.GroupBy(m => m.Key[(name.Length + 1)..m.Key.IndexOf(']', name.Length)], StringComparer.Ordinal))
        {
            var member = schema["properties"]?[group.Key] as JsonObject ?? [];
            var inner = group.Where(m => m.Key.Length > name.Length + group.Key.Length + 2).ToList();
            value[group.Key] = inner.Count > 0
                ? Deep($"{name}[{group.Key}]", member, inner)
                : Typed(member, [.. group.Select(m => m.Value)]);
        }

        return value;
    }

    /// <summary>Texts as the schema types them: a list's items, an object's key, value, ... pairs, else the one value.</summary>
    private static JsonNode? Typed(JsonObject schema, string text, string delimiter) =>
        Kind(schema) is "array" or "object" ? Typed(schema, text.Split(delimiter)) : Scalar(schema, text);

    private static JsonNode? Typed(JsonObject schema, string[] texts) => Kind(schema) switch
    {
        "array" => new JsonArray([.. texts.Select(t => Scalar(schema["items"] as JsonObject ?? [], t))]),
        "object" => new JsonObject(texts.Chunk(2).Select(p => new KeyValuePair<string, JsonNode?>(p[0], p.Length > 1 ? Scalar(schema["properties"]?[p[0]] as JsonObject ?? [], p[1]) : null))),
        _ => Scalar(schema, texts[0]),
    };

    private static JsonValue? Scalar(JsonObject schema, string text)
    {
        var types = schema["type"] is JsonArray many ? many.Select(t => t!.GetValue<string>()).ToList() : [schema["type"]?.GetValue<string>() ?? "string"];
        if (types.Contains("string"))
        {
            return JsonValue.Create(text);
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(text);
        }

        return types.Contains("boolean") && bool.TryParse(text, out var flag) ? JsonValue.Create(flag) : types.Contains("null") && text.Length == 0 ? null : JsonValue.Create(text);
    }

    private static JsonNode? Json(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private static string Kind(JsonObject schema) => schema["type"] is JsonValue v ? v.GetValue<string>() : "scalar";
}
