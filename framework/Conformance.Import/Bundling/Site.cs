namespace Conformance.Import.Bundling;

/// <summary>
/// What a node of an OpenAPI document is, as far as a <c>$ref</c> in it matters: a schema (its reference becomes a
/// component), a map of schemas, another object (path item, parameter, response, request body, example, header...: its
/// reference is inlined), a map of those whose <c>x-</c> keys are extensions (paths, responses), a map of those by name
/// (a header or a component may be called <c>x-request-id</c>), or data (an example's value, an enum, a default, an extension), which is not
/// searched for references.
/// </summary>
internal enum Site
{
    Data,
    Schema,
    Schemas,
    Other,
    Others,
    Named,
}

/// <summary>The site of each child of a node.</summary>
internal static class Sites
{
    private static readonly HashSet<string> SchemaMaps = new(StringComparer.Ordinal) { "properties", "patternProperties", "$defs", "definitions", "dependentSchemas" };

    private static readonly HashSet<string> SchemaOnes = new(StringComparer.Ordinal)
    {
        "items", "additionalProperties", "additionalItems", "not", "contains", "if", "then", "else", "propertyNames",
        "unevaluatedProperties", "unevaluatedItems", "contentSchema", "allOf", "anyOf", "oneOf", "prefixItems",
    };

    private static readonly HashSet<string> OtherMaps = new(StringComparer.Ordinal) { "paths", "responses" };

    private static readonly HashSet<string> NamedMaps = new(StringComparer.Ordinal)
    {
        "webhooks", "content", "headers", "parameters", "requestBodies", "securitySchemes", "links", "callbacks", "pathItems",
        "examples", "encoding", "variables",
    };

    private static readonly HashSet<string> Values = new(StringComparer.Ordinal) { "example", "default", "value", "enum", "const" };

    /// <summary>The site of the child <paramref name="key"/> of a node at <paramref name="site"/>.</summary>
    public static Site Child(Site site, string key) => site switch
    {
        Site.Schema when SchemaMaps.Contains(key) => Site.Schemas,
        Site.Schema when SchemaOnes.Contains(key) => Site.Schema,
        Site.Schemas => Site.Schema, // a property may be called x-anything
        Site.Others when !key.StartsWith("x-", StringComparison.Ordinal) => Site.Other,
        Site.Named => Site.Other,
        Site.Other when key.StartsWith("x-", StringComparison.Ordinal) || Values.Contains(key) => Site.Data,
        Site.Other when key == "schema" => Site.Schema,
        Site.Other when key is "schemas" or "definitions" => Site.Schemas,
        Site.Other when OtherMaps.Contains(key) => Site.Others,
        Site.Other when NamedMaps.Contains(key) => Site.Named,
        Site.Other => Site.Other,
        _ => Site.Data,
    };

    /// <summary>The site of an item of a list at <paramref name="site"/> (a list of examples in a schema is data).</summary>
    public static Site Item(Site site) => site switch
    {
        Site.Schema or Site.Schemas => Site.Schema,
        Site.Other or Site.Others or Site.Named => Site.Other,
        _ => Site.Data,
    };
}
