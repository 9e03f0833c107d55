namespace Conformance.Schema;

/// <summary>How schemas are loaded and instances validated.</summary>
public sealed record SchemaOptions
{
    /// <summary>Dialect used when a schema has no <c>$schema</c>.</summary>
    public Dialect DefaultDialect { get; init; } = Dialect.Draft202012;

    /// <summary>When false (the spec default) <c>format</c> is an annotation only; when true known formats are asserted.</summary>
    public bool FormatAssertion { get; init; }

    /// <summary>When true, keywords unknown to the dialect are load errors (CT0204).</summary>
    public bool StrictKeywords { get; init; }

    /// <summary>
    /// When true, a keyword unknown to the dialect but close to one of its keywords (<c>requried</c>, <c>maxlength</c>)
    /// is a load error (CT0204) with the keyword meant; other unknown keywords stay annotations (as without
    /// <see cref="StrictKeywords"/>). A misspelt keyword is otherwise ignored, and the schema checks less than it seems to.
    /// </summary>
    public bool MisspeltKeywords { get; init; }

    /// <summary>
    /// When true, a <c>format</c> the validator does not know but close to formats it knows (<c>emial</c>, <c>int99</c>)
    /// is a load error (CT0212) naming them. An unknown format is otherwise an annotation that checks nothing; formats
    /// far from every known one (<c>currency-code</c>) and <c>x-</c> formats stay annotations.
    /// </summary>
    public bool MisspeltFormats { get; init; }

    /// <summary>Time limit for one <c>pattern</c>/<c>patternProperties</c> match; a timeout is a validation error.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// When true, <c>pattern</c> and <c>patternProperties</c> are matched by .NET's non-backtracking engine where it takes
    /// the pattern (not lookarounds or backreferences, nor <c>\b</c> and <c>\B</c>, written as lookarounds for ECMA's ASCII
    /// word boundary, nor text holding a lone surrogate): time linear in the text and no timeout, so a pattern such as
    /// <c>^([a-z]+)+[0-9]$</c> costs microseconds on a near miss instead of <see cref="RegexTimeout"/>. Other patterns
    /// are matched as without it. Whether a text matches is the same either way.
    /// </summary>
    public bool LinearPatterns { get; init; }

    /// <summary>Guard for instance nesting and schema evaluation depth.</summary>
    public int MaxDepth { get; init; } = 512;

    /// <summary>When true every loaded schema is first validated against its dialect's metaschema (CT0202).</summary>
    public bool ValidateAgainstMetaschema { get; init; } = true;

    internal static SchemaOptions Default { get; } = new();
}
