using System.Text.Json;

namespace Conformance.Schema.Loading;

/// <summary>Turns <c>$schema</c> values into dialects, reading custom metaschemas' <c>$vocabulary</c> from the registry.</summary>
internal sealed class DialectResolver(SchemaRegistry registry, DialectInfo defaultDialect)
{
    private readonly Dictionary<string, DialectInfo?> cache = new(StringComparer.Ordinal);

    public DialectInfo Default { get; } = defaultDialect;

    public DialectInfo? OfDocument(SchemaDocument document) =>
        document.Error is null && document.Root.ValueKind == JsonValueKind.Object
        && document.Root.TryGetProperty("$schema", out var schema) && schema.ValueKind == JsonValueKind.String
            ? Resolve(schema.GetString()!)
            : null;

    /// <summary>The dialect a <c>$schema</c> URI names, or null when it is unknown.</summary>
    public DialectInfo? Resolve(string uri) => Resolve(uri, 0);

    private DialectInfo? Resolve(string uri, int depth)
    {
        if (DialectInfo.FromSchemaUri(uri) is { } standard)
        {
            return DialectInfo.Of(standard);
        }

        var key = UriUtil.Key(uri);
        if (cache.TryGetValue(key, out var known))
        {
            return known;
        }

        cache[key] = null;
        var resolved = depth < 8 ? FromMetaschema(key, depth) : null;
        cache[key] = resolved;
        return resolved;
    }

    private DialectInfo? FromMetaschema(string key, int depth)
    {
        var document = registry.Find(key);
        if (document is null || document.Error is not null || document.Root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var parent = document.Root.TryGetProperty("$schema", out var schema) && schema.ValueKind == JsonValueKind.String
            ? Resolve(schema.GetString()!, depth + 1)
            : null;
        if (!document.Root.TryGetProperty("$vocabulary", out var vocabulary) || vocabulary.ValueKind != JsonValueKind.Object)
        {
            return parent;
        }

        var flags = Vocabularies.Core;
        Dialect? dialect = null;
        foreach (var entry in vocabulary.EnumerateObject())
        {
            flags |= DialectInfo.FromUri(entry.Name);
            if (entry.Name.Contains("/2020-12/", StringComparison.Ordinal))
            {
                dialect = Dialect.Draft202012;
            }
            else if (entry.Name.Contains("/2019-09/", StringComparison.Ordinal))
            {
                dialect ??= Dialect.Draft201909;
            }
        }

        return new DialectInfo(dialect ?? parent?.Dialect ?? Default.Dialect, flags);
    }
}
