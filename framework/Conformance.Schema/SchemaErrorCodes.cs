namespace Conformance.Schema;

/// <summary>The CT02xx diagnostic codes of the schema loader; each is documented in docs/ct-codes-schema.md.</summary>
public static class SchemaErrorCodes
{
    /// <summary>The schema text is not valid JSON.</summary>
    public const string InvalidJson = "CT0201";

    /// <summary>The schema does not conform to its dialect's metaschema.</summary>
    public const string MetaschemaViolation = "CT0202";

    /// <summary>A <c>$ref</c> (or <c>$dynamicRef</c>/<c>$recursiveRef</c>) names a URI that is not registered.</summary>
    public const string UnresolvableRef = "CT0203";

    /// <summary>A keyword unknown to the dialect was found while <see cref="SchemaOptions.StrictKeywords"/> is on.</summary>
    public const string UnknownKeyword = "CT0204";

    /// <summary><c>$schema</c> names a dialect or metaschema that is not known.</summary>
    public const string UnknownDialect = "CT0205";

    /// <summary>A <c>pattern</c> or <c>patternProperties</c> key is not a valid regular expression.</summary>
    public const string InvalidRegex = "CT0206";

    /// <summary>The schema file (or a file reached through <c>$ref</c>) could not be read.</summary>
    public const string FileUnreadable = "CT0207";

    /// <summary>The schema nests deeper than <see cref="SchemaOptions.MaxDepth"/>.</summary>
    public const string TooDeep = "CT0208";

    /// <summary>A keyword's value has a shape the validator cannot compile (e.g. <c>"minimum": "3"</c>).</summary>
    public const string InvalidKeywordValue = "CT0209";

    /// <summary>An <c>$id</c>, <c>$ref</c> or <c>$schema</c> value is not a valid URI reference.</summary>
    public const string InvalidUri = "CT0210";

    /// <summary>A cycle of references that never moves into the instance (<c>#/$defs/a -> #/$defs/b -> #/$defs/a</c>).</summary>
    public const string RefCycle = "CT0211";

    /// <summary>A <c>format</c> the validator does not know but close to one it knows (<see cref="SchemaOptions.MisspeltFormats"/>).</summary>
    public const string UnknownFormat = "CT0212";
}
