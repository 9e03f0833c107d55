using System.Text.Json;

namespace Conformance.Schema.Loading;

/// <summary>
/// Whether an unknown keyword reads as a misspelling of the keyword it is close to (<c>"requried": [...]</c>,
/// <c>"maxlength": 20</c>) rather than an annotation of the author's own: its value must be of a kind that keyword takes
/// (<c>"note": "text"</c> is not a misspelt <c>not</c>, whose value is a schema; <c>"example": {...}</c> is not a misspelt
/// <c>examples</c>, an array), and it must not be a field OpenAPI's Schema Object adds (<c>example</c>, <c>nullable</c>,
/// <c>discriminator</c>, <c>xml</c>, <c>externalDocs</c>), which schemas copied from an OpenAPI document carry.
/// </summary>
internal static class MisspeltKeyword
{
    private static readonly HashSet<string> OpenApiFields = new(StringComparer.Ordinal) { "example", "nullable", "discriminator", "xml", "externalDocs" };

    private static readonly HashSet<string> Schemas = new(StringComparer.Ordinal)
    {
        "not", "if", "then", "else", "items", "contains", "propertyNames", "additionalProperties", "additionalItems",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    };

    private static readonly HashSet<string> Maps = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependentRequired", "dependencies", "$vocabulary",
    };

    private static readonly HashSet<string> Arrays = new(StringComparer.Ordinal) { "allOf", "anyOf", "oneOf", "prefixItems", "required", "enum", "examples" };

    private static readonly HashSet<string> Booleans = new(StringComparer.Ordinal) { "uniqueItems", "readOnly", "writeOnly", "deprecated", "$recursiveAnchor" };

    private static readonly HashSet<string> Strings = new(StringComparer.Ordinal)
    {
        "$id", "id", "$ref", "$schema", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$comment", "title", "description", "format",
        "pattern", "contentMediaType", "contentEncoding",
    };

    /// <summary>True when <paramref name="name"/>, whose value is <paramref name="value"/>, reads as a misspelling of <paramref name="meant"/>.</summary>
    public static bool Is(string name, JsonElement value, string meant) =>
        !name.StartsWith("x-", StringComparison.Ordinal) && !OpenApiFields.Contains(name) && Fits(meant, value.ValueKind);

    private static bool Fits(string keyword, JsonValueKind kind) => kind switch
    {
        _ when Schemas.Contains(keyword) => kind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False
            || (keyword == "items" && kind == JsonValueKind.Array),
        _ when Maps.Contains(keyword) => kind == JsonValueKind.Object,
        _ when Arrays.Contains(keyword) => kind == JsonValueKind.Array,
        _ when Booleans.Contains(keyword) => kind is JsonValueKind.True or JsonValueKind.False,
        _ when Strings.Contains(keyword) => kind == JsonValueKind.String,
        _ when keyword == "type" => kind is JsonValueKind.String or JsonValueKind.Array,
        _ when keyword is "default" or "const" => true,
        _ when keyword is "exclusiveMaximum" or "exclusiveMinimum" => kind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False, // draft 4: a boolean
        _ => kind == JsonValueKind.Number, // the limits: minimum, maxLength, multipleOf, minContains...
    };
}
