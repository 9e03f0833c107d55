using System.Collections.Concurrent;

namespace Conformance.Schema.Loading;

/// <summary>The official metaschemas of every dialect, bundled as embedded resources (never fetched).</summary>
internal static class Metaschemas
{
    private const string Prefix = "metaschema:";
    private static readonly ConcurrentDictionary<string, SchemaDocument?> Documents = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Dialect, Lazy<JsonSchema?>> Compiled = new();

    /// <summary>The bundled document with URI <paramref name="key"/> (no fragment), or null.</summary>
    public static SchemaDocument? Find(string key) => Documents.GetOrAdd(key, Load);

    /// <summary>The compiled metaschema of <paramref name="dialect"/>, used to check loaded schemas (CT0202).</summary>
    public static JsonSchema? For(Dialect dialect) =>
        Compiled.GetOrAdd(dialect, d => new Lazy<JsonSchema?>(() => Compile(d))).Value;

    private static JsonSchema? Compile(Dialect dialect)
    {
        var uri = DialectNames.MetaschemaUri(dialect);
        var document = Find(uri);
        if (document is null)
        {
            return null;
        }

        var options = new SchemaOptions { DefaultDialect = dialect, ValidateAgainstMetaschema = false };
        return JsonSchema.Parse(document.Text, uri, options, null, new Uri(uri)).Schema;
    }

    private static SchemaDocument? Load(string key)
    {
        var name = ResourceName(key);
        if (name is null)
        {
            return null;
        }

        using var stream = typeof(Metaschemas).Assembly.GetManifestResourceStream(Prefix + name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return SchemaDocument.Create(key, reader.ReadToEnd(), key);
    }

    private static string? ResourceName(string key)
    {
        const string modern = "https://json-schema.org/draft/";
        const string legacy = "http://json-schema.org/";
        if (key.StartsWith(modern, StringComparison.Ordinal))
        {
            return key[modern.Length..] + ".json";
        }

        return key.StartsWith(legacy, StringComparison.Ordinal) ? key[legacy.Length..] + ".json" : null;
    }
}
