namespace Conformance.Schema.Loading;

/// <summary>Which keywords each dialect knows, which vocabulary they belong to, and which hold subschemas.</summary>
internal static class KeywordTable
{
    private static readonly Dictionary<string, (Dialect From, Dialect To, Vocabularies Vocabulary)> Known = Build();

    /// <summary>Keywords whose value is one schema.</summary>
    public static readonly HashSet<string> SingleSchema = new(StringComparer.Ordinal)
    {
        "additionalItems", "additionalProperties", "contains", "propertyNames", "if", "then", "else", "not",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema", "items",
    };

    /// <summary>Keywords whose value is an array of schemas.</summary>
    public static readonly HashSet<string> SchemaArray = new(StringComparer.Ordinal) { "allOf", "anyOf", "oneOf", "prefixItems", "items" };

    /// <summary>Keywords whose value is an object of schemas.</summary>
    public static readonly HashSet<string> SchemaMap = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies",
    };

    public static IEnumerable<string> Names(DialectInfo dialect) =>
        Known.Where(k => dialect.Dialect >= k.Value.From && dialect.Dialect <= k.Value.To).Select(k => k.Key);

    /// <summary>True when <paramref name="name"/> is a keyword of the dialect (vocabularies ignored).</summary>
    public static bool IsKnown(DialectInfo dialect, string name) =>
        Known.TryGetValue(name, out var entry) && dialect.Dialect >= entry.From && dialect.Dialect <= entry.To;

    /// <summary>True when the keyword is known and its vocabulary is enabled.</summary>
    public static bool IsActive(DialectInfo dialect, string name) =>
        Known.TryGetValue(name, out var entry) && dialect.Dialect >= entry.From && dialect.Dialect <= entry.To
        && (dialect.Dialect < Dialect.Draft201909 || dialect.Has(entry.Vocabulary));

    /// <summary>True when the walker should look for identifiers below this keyword.</summary>
    public static bool HoldsSchemas(DialectInfo dialect, string name) =>
        (name == "definitions" || IsKnown(dialect, name)) && (SingleSchema.Contains(name) || SchemaArray.Contains(name) || SchemaMap.Contains(name));

    private static Dictionary<string, (Dialect, Dialect, Vocabularies)> Build()
    {
        const Dialect d4 = Dialect.Draft4, d6 = Dialect.Draft6, d7 = Dialect.Draft7, d19 = Dialect.Draft201909, d20 = Dialect.Draft202012;
        const Vocabularies core = Vocabularies.Core, app = Vocabularies.Applicator, val = Vocabularies.Validation;
        const Vocabularies meta = Vocabularies.MetaData, content = Vocabularies.Content;
        var unevaluated = Vocabularies.Unevaluated | Vocabularies.Applicator;
        var format = Vocabularies.FormatAnnotation | Vocabularies.FormatAssertion;
        return new Dictionary<string, (Dialect, Dialect, Vocabularies)>(StringComparer.Ordinal)
        {
            ["id"] = (d4, d4, core), ["$id"] = (d6, d20, core), ["$schema"] = (d4, d20, core), ["$ref"] = (d4, d20, core),
            ["definitions"] = (d4, d7, core), ["$defs"] = (d19, d20, core), ["$comment"] = (d7, d20, core),
            ["$anchor"] = (d19, d20, core), ["$vocabulary"] = (d19, d20, core),
            ["$recursiveRef"] = (d19, d19, core), ["$recursiveAnchor"] = (d19, d19, core),
            ["$dynamicRef"] = (d20, d20, core), ["$dynamicAnchor"] = (d20, d20, core),
            ["type"] = (d4, d20, val), ["enum"] = (d4, d20, val), ["const"] = (d6, d20, val),
            ["multipleOf"] = (d4, d20, val), ["maximum"] = (d4, d20, val), ["minimum"] = (d4, d20, val),
            ["exclusiveMaximum"] = (d4, d20, val), ["exclusiveMinimum"] = (d4, d20, val),
            ["maxLength"] = (d4, d20, val), ["minLength"] = (d4, d20, val), ["pattern"] = (d4, d20, val),
            ["maxItems"] = (d4, d20, val), ["minItems"] = (d4, d20, val), ["uniqueItems"] = (d4, d20, val),
            ["maxContains"] = (d19, d20, val), ["minContains"] = (d19, d20, val),
            ["maxProperties"] = (d4, d20, val), ["minProperties"] = (d4, d20, val), ["required"] = (d4, d20, val),
            ["dependentRequired"] = (d19, d20, val), ["dependencies"] = (d4, d20, app),
            ["items"] = (d4, d20, app), ["additionalItems"] = (d4, d19, app), ["prefixItems"] = (d20, d20, app),
            ["contains"] = (d6, d20, app), ["properties"] = (d4, d20, app), ["patternProperties"] = (d4, d20, app),
            ["additionalProperties"] = (d4, d20, app), ["dependentSchemas"] = (d19, d20, app),
            ["propertyNames"] = (d6, d20, app), ["if"] = (d7, d20, app), ["then"] = (d7, d20, app), ["else"] = (d7, d20, app),
            ["allOf"] = (d4, d20, app), ["anyOf"] = (d4, d20, app), ["oneOf"] = (d4, d20, app), ["not"] = (d4, d20, app),
            ["unevaluatedItems"] = (d19, d20, unevaluated), ["unevaluatedProperties"] = (d19, d20, unevaluated),
            ["format"] = (d4, d20, format), ["title"] = (d4, d20, meta), ["description"] = (d4, d20, meta),
            ["default"] = (d4, d20, meta), ["examples"] = (d6, d20, meta), ["readOnly"] = (d7, d20, meta),
            ["writeOnly"] = (d7, d20, meta), ["deprecated"] = (d19, d20, meta),
            ["contentMediaType"] = (d7, d20, content), ["contentEncoding"] = (d7, d20, content), ["contentSchema"] = (d19, d20, content),
        };
    }
}
