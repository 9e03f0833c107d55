namespace Conformance.Schema;

/// <summary>The outcome of loading a schema: the compiled schema and every diagnostic found.</summary>
public sealed record SchemaLoadResult(JsonSchema? Schema, IReadOnlyList<SchemaDiagnostic> Diagnostics)
{
    /// <summary>True when a schema was compiled and no diagnostic was reported.</summary>
    public bool Succeeded => Schema is not null && Diagnostics.Count == 0;
}
