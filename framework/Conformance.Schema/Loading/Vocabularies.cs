namespace Conformance.Schema.Loading;

/// <summary>The vocabularies of 2019-09/2020-12; earlier dialects enable all of them.</summary>
[Flags]
internal enum Vocabularies
{
    None = 0,
    Core = 1,
    Applicator = 2,
    Unevaluated = 4,
    Validation = 8,
    MetaData = 16,
    FormatAnnotation = 32,
    FormatAssertion = 64,
    Content = 128,
    All = Core | Applicator | Unevaluated | Validation | MetaData | FormatAnnotation | Content,
}

/// <summary>A dialect plus the vocabularies its metaschema enables.</summary>
internal sealed record DialectInfo(Dialect Dialect, Vocabularies Vocabularies)
{
    private static readonly DialectInfo[] Standard =
        [.. Enum.GetValues<Dialect>().Select(d => new DialectInfo(d, Vocabularies.All))];

    public static DialectInfo Of(Dialect dialect) => Standard[(int)dialect];

    public bool AtLeast(Dialect other) => Dialect >= other;

    public bool Has(Vocabularies vocabulary) => (Vocabularies & vocabulary) != 0;

    /// <summary>The keyword naming a schema's identifier ("id" in draft-04).</summary>
    public string IdKeyword => Dialect == Dialect.Draft4 ? "id" : "$id";

    /// <summary>Draft-07 and earlier ignore every sibling of $ref.</summary>
    public bool RefOverridesSiblings => Dialect <= Dialect.Draft7;

    /// <summary>Maps a vocabulary URI to its flag (0 for unknown vocabularies).</summary>
    public static Vocabularies FromUri(string uri)
    {
        var slash = uri.LastIndexOf('/');
        var name = slash < 0 ? uri : uri[(slash + 1)..];
        return name switch
        {
            "core" => Vocabularies.Core,
            "applicator" => Vocabularies.Applicator,
            "unevaluated" => Vocabularies.Unevaluated,
            "validation" => Vocabularies.Validation,
            "meta-data" => Vocabularies.MetaData,
            "format" or "format-annotation" => Vocabularies.FormatAnnotation,
            "format-assertion" => Vocabularies.FormatAssertion,
            "content" => Vocabularies.Content,
            _ => Vocabularies.None,
        };
    }

    /// <summary>Recognizes the official metaschema URIs.</summary>
    public static Dialect? FromSchemaUri(string uri) => UriUtil.WithoutFragment(uri) switch
    {
        "http://json-schema.org/draft-04/schema" => Dialect.Draft4,
        "http://json-schema.org/draft-06/schema" => Dialect.Draft6,
        "http://json-schema.org/draft-07/schema" => Dialect.Draft7,
        "https://json-schema.org/draft/2019-09/schema" => Dialect.Draft201909,
        "https://json-schema.org/draft/2020-12/schema" => Dialect.Draft202012,
        _ => null,
    };
}
