using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>
/// A schema with its <c>allOf</c> parts merged, as a validator reads them (every part must hold): the parts of a part and
/// a referenced part's target count too. A name one part requires may be declared by another, at any depth.
/// </summary>
internal static class AllOfSchema
{
    /// <summary>Deeper than any real document nests allOf; it stops a component that lists itself among its parts.</summary>
    private const int MaxDepth = 8;

    /// <summary>The names the schema and its allOf parts require: its own first, then each part's in order, each once.</summary>
    public static List<string> Required(IOpenApiSchema? schema) =>
        [.. Parts(schema, 0).SelectMany(p => p.Required ?? new HashSet<string>()).Distinct(StringComparer.Ordinal)];

    /// <summary>The first declaration of property <paramref name="name"/> in the schema or its allOf parts, or null.</summary>
    public static IOpenApiSchema? Property(IOpenApiSchema? schema, string name) =>
        Parts(schema, 0).Select(p => p.Properties is { } properties && properties.TryGetValue(name, out var found) ? found : null).FirstOrDefault(f => f is not null);

    /// <summary>The schema, then its allOf parts depth first.</summary>
    private static IEnumerable<IOpenApiSchema> Parts(IOpenApiSchema? schema, int depth)
    {
        if (schema is null || depth > MaxDepth)
        {
            yield break;
        }

        yield return schema;
        foreach (var part in (schema.AllOf ?? []).SelectMany(p => Parts(p, depth + 1)))
        {
            yield return part;
        }
    }
}
