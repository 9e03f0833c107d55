using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>
/// OpenAPI 3.1 <c>const</c> values the reader cannot keep. Its model holds a <c>const</c> as text, so one without a
/// <c>type</c> beside it was drafted as a string (<c>const: 404</c> as <c>"404"</c>, <c>const: true</c> as <c>"True"</c>),
/// a schema every response holding the documented value then failed; an object or array <c>const</c> ended the import
/// ("Expected scalar value"). Before the document is read, each <c>const</c> that is not a string or null is moved into
/// the extension <see cref="Marker"/>, whose value the reader keeps as JSON; <see cref="Of"/> reads it back, for the
/// schema file and the samples alike.
/// </summary>
internal static class RawConsts
{
    public const string Marker = "x-conformance-moved-const";

    /// <summary>
    /// The document as JSON with its consts moved and its boolean schemas the reader loses written as objects
    /// (<see cref="BooleanSchemas"/>); null when it is not 3.1, has nothing to change, or is neither JSON nor YAML.
    /// </summary>
    public static string? Prepared(string text, bool json)
    {
        var root = RawBounds.Parse(text, json);
        return root is not null && RawBounds.IsV31(root) && RawBounds.Walk(root, names: false, schema => Move(schema) | BooleanSchemas.Expand(schema)) ? root.ToJsonString() : null;
    }

    /// <summary>
    /// Puts back as <c>const</c> every moved value in <paramref name="written"/> (a schema file), after
    /// <see cref="DataValues"/> wrote the reader's own value under the marker where it reaches (the writer's copy of
    /// -1e300 reads -1E+300); in the subschemas it does not reach (<c>contains</c>, <c>if</c>, ...) the writer's copy.
    /// </summary>
    public static void Unmark(JsonNode? written)
    {
        switch (written)
        {
            case JsonObject obj:
                if (obj.Remove(Marker, out var moved))
                {
                    obj["const"] = moved;
                }

                foreach (var (_, value) in obj.ToList())
                {
                    Unmark(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Unmark(item);
                }

                break;
        }
    }

    /// <summary>The schema's <c>const</c> as the document writes it, when it was moved; else null (the reader's text stands).</summary>
    public static JsonNode? Of(IOpenApiSchema schema) =>
        schema.Extensions?.TryGetValue(Marker, out var moved) == true && moved is JsonNodeExtension { Node: { } node } ? node : null;

    private static bool Move(JsonObject schema)
    {
        if (!schema.TryGetPropertyValue("const", out var value) || value is null || value.GetValueKind() == JsonValueKind.String || schema.ContainsKey(Marker))
        {
            return false;
        }

        schema.Remove("const");
        schema[Marker] = value;
        return true;
    }
}
