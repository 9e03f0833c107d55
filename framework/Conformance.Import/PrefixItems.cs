using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Conformance.Import;

/// <summary>
/// The <c>prefixItems</c> of an OpenAPI 3.1 schema as schemas the samples can draft from. Microsoft.OpenApi's model has
/// no property for the keyword and keeps it as JSON among the schema's unrecognized keywords, so each entry is read
/// again as a schema of the document (its <c>$ref</c>s to components resolved there). Drafted without them, a tuple's
/// sample held the plain item at every place (<c>["sample","sample"]</c> for an integer and an enum).
/// </summary>
internal sealed class PrefixItems(OpenApiDocument document)
{
    private readonly Dictionary<IOpenApiSchema, IReadOnlyList<IOpenApiSchema>> read = new(ReferenceEqualityComparer.Instance);

    /// <summary>The schemas of <paramref name="schema"/>'s <c>prefixItems</c>, in order; empty when it has none (or one cannot be read).</summary>
    public IReadOnlyList<IOpenApiSchema> Of(IOpenApiSchema schema)
    {
        if (read.TryGetValue(schema, out var known))
        {
            return known;
        }

        IReadOnlyList<IOpenApiSchema> result = [];
        var target = schema;
        for (var hops = 0; target is OpenApiSchemaReference { Target: { } next } && hops < 64; hops++)
        {
            target = next; // a component's keywords are its target's; the reference holds none of its own
        }

        if (target.UnrecognizedKeywords is { } keywords && keywords.TryGetValue("prefixItems", out var node) && node is JsonArray entries)
        {
            var schemas = new List<IOpenApiSchema>();
            foreach (var entry in entries)
            {
                if (Read(entry) is not { } one)
                {
                    schemas.Clear();
                    break; // a tuple drafted in part would be judged as wrong as one drafted without it; the note says where
                }

                schemas.Add(one);
            }

            result = schemas;
        }

        read[schema] = result;
        return result;
    }

    private IOpenApiSchema? Read(JsonNode? entry)
    {
        if (entry is JsonObject refers && refers.TryGetPropertyValue("$ref", out var target))
        {
            return Referring(refers, target);
        }

        var json = entry switch
        {
            JsonValue flag when flag.TryGetValue<bool>(out var accepts) => accepts ? "{}" : """{"not":{}}""", // boolean schemas, as BooleanSchemas drafts them
            JsonObject => entry.ToJsonString(),
            _ => null,
        };
        return json is null ? null : Parse(json);
    }

    /// <summary>
    /// An entry with a <c>$ref</c> to one of the document's component schemas: the reference itself (read alone, the reader
    /// gave null for it, a reference being no <see cref="OpenApiSchema"/>), or, beside other keywords, a schema of those
    /// keywords whose <c>allOf</c> holds the reference. A reference to anything else is not drafted.
    /// </summary>
    private IOpenApiSchema? Referring(JsonObject refers, JsonNode? target)
    {
        const string Components = "#/components/schemas/";
        if (target is not JsonValue value || !value.TryGetValue<string>(out var uri) || !uri.StartsWith(Components, StringComparison.Ordinal))
        {
            return null;
        }

        var name = Uri.UnescapeDataString(uri[Components.Length..]).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
        if (document.Components?.Schemas?.ContainsKey(name) != true)
        {
            return null;
        }

        var reference = new OpenApiSchemaReference(name, document);
        if (refers.Count == 1)
        {
            return reference;
        }

        var rest = refers.DeepClone().AsObject();
        rest.Remove("$ref");
        if (Parse(rest.ToJsonString()) is not { } schema)
        {
            return null;
        }

        schema.AllOf = [.. schema.AllOf ?? [], reference];
        return schema;
    }

    private OpenApiSchema? Parse(string json)
    {
        var schema = OpenApiModelFactory.Parse<OpenApiSchema>(json, OpenApiSpecVersion.OpenApi3_1, document, out var diagnostic, OpenApiConstants.Json);
        return diagnostic?.Errors.Count > 0 ? null : schema;
    }
}
