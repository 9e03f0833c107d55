namespace Conformance.Schema.Loading;

/// <summary>Human names and metaschema URIs of the dialects.</summary>
internal static class DialectNames
{
    public static string Of(Dialect dialect) => dialect switch
    {
        Dialect.Draft4 => "draft-04",
        Dialect.Draft6 => "draft-06",
        Dialect.Draft7 => "draft-07",
        Dialect.Draft201909 => "2019-09",
        _ => "2020-12",
    };

    public static string MetaschemaUri(Dialect dialect) => dialect switch
    {
        Dialect.Draft4 => "http://json-schema.org/draft-04/schema",
        Dialect.Draft6 => "http://json-schema.org/draft-06/schema",
        Dialect.Draft7 => "http://json-schema.org/draft-07/schema",
        Dialect.Draft201909 => "https://json-schema.org/draft/2019-09/schema",
        _ => "https://json-schema.org/draft/2020-12/schema",
    };
}
