using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>
/// The values of a schema (<c>example</c>, <c>examples</c>, <c>default</c>, <c>enum</c>, its unknown keywords and
/// <c>x-</c> extensions) as the document writes them. Microsoft.OpenApi's writer turns a number a decimal cannot hold into
/// a double (<c>123456789012345678901234567890</c> into <c>1.2345678901234568E+29</c>, <c>1e400</c> into Infinity);
/// its YAML reader keeps such a number as text (<c>"1e400"</c>), which an <c>enum</c> of a number type then never equals;
/// its model keeps a <c>const</c> as text always (<c>"5"</c> for an integer, <c>"False"</c> for a boolean; a 3.1 one that
/// is no string comes back from <see cref="RawConsts"/>).
/// </summary>
internal static class DataValues
{
    /// <summary>Puts the reader's values of <paramref name="schema"/> and every schema in it back into <paramref name="written"/>, its serialization.</summary>
    public static void Restore(JsonObject written, IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference)
        {
            return; // written as a $ref; its target's file gets its own values
        }

        Hoist(written);
#pragma warning disable CS0618 // Example is the 3.0 keyword, written as 'example'
        Put(written, "example", Typed(schema.Example, schema.Type));
#pragma warning restore CS0618
        Put(written, "default", Typed(schema.Default, schema.Type));
        Put(written, "enum", schema.Enum?.Select(v => Typed(v, schema.Type)).ToList());
        Put(written, "examples", schema.Examples?.Select(v => Typed(v, schema.Type)).ToList());
        Put(written, "const", schema.Const is { } constant ? FromText(constant, schema.Type, booleans: true) : null);
        foreach (var (key, value) in schema.UnrecognizedKeywords ?? new Dictionary<string, JsonNode>())
        {
            Put(written, key, value);
        }

        foreach (var (key, value) in schema.Extensions ?? new Dictionary<string, IOpenApiExtension>())
        {
            if (value is JsonNodeExtension extension)
            {
                Put(written, key, extension.Node);
            }
        }

        if (written.ContainsKey(RawConsts.Marker) && RawConsts.Of(schema) is { } moved)
        {
            // A 3.1 const that is no string, moved aside before the document was read: the reader's value, which
            // RawConsts.Unmark then puts back under const (the writer's copy of the extension wrote -1e300 as -1E+300).
            written[RawConsts.Marker] = moved.DeepClone();
        }

        Each(written, "properties", schema.Properties);
        Each(written, "patternProperties", schema.PatternProperties);
        Each(written, "$defs", schema.Definitions);
        Each(written, "allOf", schema.AllOf);
        Each(written, "anyOf", schema.AnyOf);
        Each(written, "oneOf", schema.OneOf);
        One(written, "items", schema.Items);
        One(written, "not", schema.Not);
        One(written, "additionalProperties", schema.AdditionalProperties);
    }

    /// <summary>
    /// A value the YAML reader kept as text because no .NET number holds it (<c>1e400</c>, a 30-digit integer), read as
    /// the number it is where <paramref name="type"/> admits numbers and not strings; any other value as it is.
    /// </summary>
    public static JsonNode? Typed(JsonNode? value, JsonSchemaType? type) =>
        value is JsonValue text && text.TryGetValue<string>(out var written) && FromText(written, type, booleans: false) is { } typed ? typed : value;

    /// <summary>
    /// The reader's <paramref name="text"/> as the JSON value <paramref name="type"/> says it is: a number where the type
    /// admits numbers, a boolean (when <paramref name="booleans"/>) where it admits booleans; null where the type admits
    /// strings, or none of these fits.
    /// </summary>
    private static JsonValue? FromText(string text, JsonSchemaType? type, bool booleans) =>
        type is not { } t || t.HasFlag(JsonSchemaType.String) ? null
            : (t.HasFlag(JsonSchemaType.Number) || t.HasFlag(JsonSchemaType.Integer)) && Samples.NumberValue(text) is { } number ? number
            : booleans && t.HasFlag(JsonSchemaType.Boolean) && bool.TryParse(text, out var flag) ? JsonValue.Create(flag)
            : null;

    /// <summary>
    /// The keywords the reader's model has no property for (<c>prefixItems</c>, <c>$comment</c> of a nested schema),
    /// which its writer puts under an <c>unrecognizedKeywords</c> object inside the schema, where a validator reads none
    /// of them: a 3.1 <c>prefixItems</c> was lost. Moved up beside the others (a keyword written there already stays).
    /// </summary>
    private static void Hoist(JsonObject written)
    {
        if (written["unrecognizedKeywords"] is not JsonObject unrecognized)
        {
            return;
        }

        written.Remove("unrecognizedKeywords");
        foreach (var (key, value) in unrecognized.ToList())
        {
            unrecognized.Remove(key);
            if (!written.ContainsKey(key))
            {
                written[key] = value;
            }
        }
    }

    private static void Put(JsonObject written, string key, JsonNode? value)
    {
        if (value is not null && !Samples.IsNullMarker(value) && written.ContainsKey(key) && !JsonNode.DeepEquals(written[key], value))
        {
            written[key] = value.DeepClone();
        }
    }

    private static void Put(JsonObject written, string key, List<JsonNode?>? values)
    {
        if (values is not null && written[key] is JsonArray array && array.Count == values.Count)
        {
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is { } value && !Samples.IsNullMarker(value) && !JsonNode.DeepEquals(array[i], value))
                {
                    array[i] = value.DeepClone();
                }
            }
        }
    }

    private static void Each(JsonObject written, string key, IDictionary<string, IOpenApiSchema>? schemas)
    {
        foreach (var (name, schema) in schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (written[key]?[name] is JsonObject inner)
            {
                Restore(inner, schema);
            }
        }
    }

    private static void Each(JsonObject written, string key, IList<IOpenApiSchema>? schemas)
    {
        if (schemas is not null && written[key] is JsonArray array && array.Count == schemas.Count)
        {
            for (var i = 0; i < schemas.Count; i++)
            {
                if (array[i] is JsonObject inner)
                {
                    Restore(inner, schemas[i]);
                }
            }
        }
    }

    private static void One(JsonObject written, string key, IOpenApiSchema? schema)
    {
        if (schema is not null && written[key] is JsonObject inner)
        {
            Restore(inner, schema);
        }
    }
}
