using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>Objects of <see cref="Samples"/>: an allOf's parts merged, required properties, <c>minProperties</c> met.</summary>
internal static partial class Samples
{
    private static JsonNode? AllOf(IOpenApiSchema schema, IList<IOpenApiSchema> all, int depth, string pointer, SampleContext context, int nth)
    {
        var parts = all.Select(p => Value(p, depth + 1, pointer, context, nth)).ToList();
        if (schema.Type?.HasFlag(JsonSchemaType.Object) != true && !parts.OfType<JsonObject>().Any()
            && all.Any(p => p.Type is { } t && !t.HasFlag(JsonSchemaType.Object) || p.Enum is { Count: > 0 } || p.Const is not null)
            && parts.FirstOrDefault(p => p is not null) is { } plain)
        {
            return plain; // allOf of a string, a number or a list (a $ref beside a description): its first part's value, not {}
        }

        var merged = new JsonObject();
        foreach (var part in parts.OfType<JsonObject>())
        {
            foreach (var (key, value) in part)
            {
                merged[key] = value?.DeepClone();
            }
        }

        // A name required in one part (or beside allOf) whose property another part, or a part of a part, declares:
        // a part that could not see the declaration drafted "sample", which that declaration may reject.
        foreach (var name in AllOfSchema.Required(schema).Where(n => !merged.ContainsKey(n) || IsUndeclared(merged[n])))
        {
            var property = AllOfSchema.Property(schema, name);
            if (property?.ReadOnly == true)
            {
                merged.Remove(name);
            }
            else if (property is not null || !merged.ContainsKey(name))
            {
                merged[name] = property is null ? "sample" : Value(property, depth + 1, Child(pointer, name), context);
            }
        }

        return merged;
    }

    /// <summary>A oneOf/anyOf choice with the names required beside it, which hold whichever choice is taken (a choice is drafted alone).</summary>
    private static JsonNode? Choice(IOpenApiSchema schema, IOpenApiSchema choice, int depth, string pointer, SampleContext context, int nth)
    {
        var chosen = Value(choice, depth + 1, pointer, context, nth);
        foreach (var name in (schema.Required ?? new HashSet<string>()).Where(n => chosen is JsonObject o && !o.ContainsKey(n)))
        {
            var property = AllOfSchema.Property(schema, name) ?? AllOfSchema.Property(choice, name);
            if (property?.ReadOnly != true)
            {
                chosen![name] = property is null ? "sample" : Value(property, depth + 1, Child(pointer, name), context);
            }
        }

        return chosen;
    }

    /// <summary>The text a required name with no declared property is drafted with.</summary>
    private static bool IsUndeclared(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var text) && text == "sample";

    /// <summary>
    /// The required properties (not <c>readOnly</c>: the server sets it and ignores it in a request), then, up to
    /// <c>minProperties</c>, the optional ones in order and then <c>additionalProp1</c>, <c>additionalProp2</c>... drafted
    /// from <c>additionalProperties</c> where it is a schema (none where it is false). <paramref name="nth"/> varies the first
    /// property that has a variant (one whose <c>const</c> or single <c>enum</c> value cannot vary passes it on to the next,
    /// each next one while the sample's search budget lasts).
    /// </summary>
    private static JsonObject Object(IOpenApiSchema schema, int depth, string pointer, SampleContext context, int nth)
    {
        var body = new JsonObject();
        var extra = schema.AdditionalProperties;
        var varied = nth == 0;
        var tried = 0;
        void Add(string name, IOpenApiSchema? property, int k)
        {
            // The first property takes the variant as it always did; each next one is a candidate of the sample's search
            // budget, so nested objects that cannot vary do not multiply the drafts.
            if (property is not null && !varied && (tried == 0 || context.MaySearch))
            {
                if (tried++ > 0)
                {
                    context.Spend();
                }

                var fork = context.Fork();
                var other = Value(property, depth + 1, Child(pointer, name), fork, nth + k);
                var plainFork = context.Fork();
                var plain = Value(property, depth + 1, Child(pointer, name), plainFork, k);
                varied = !JsonNode.DeepEquals(other, plain);

                // The plain value compared is the one kept (it was drafted a third time, as was all below it).
                body[name] = varied ? context.Take(fork, other) : context.Take(plainFork, plain);
                return;
            }

            body[name] = property is not null ? Value(property, depth + 1, Child(pointer, name), context, k) : "sample";
        }

        foreach (var name in schema.Required ?? new HashSet<string>())
        {
            IOpenApiSchema? property = null;
            schema.Properties?.TryGetValue(name, out property);
            if (property?.ReadOnly != true)
            {
                Add(name, property ?? extra, 0);
            }
        }

        var least = Math.Min(schema.MinProperties ?? 0, MaxDrafted);
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (body.Count < least && !body.ContainsKey(name) && property.ReadOnly != true)
            {
                Add(name, property, 0);
            }
        }

        for (var n = 1; body.Count < least && schema.AdditionalPropertiesAllowed && n <= MaxDrafted; n++)
        {
            if (!body.ContainsKey($"additionalProp{n}"))
            {
                Add($"additionalProp{n}", extra, n - 1);
            }
        }

        return body;
    }
}
