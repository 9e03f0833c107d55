using Conformance.Schema.Json;

namespace Conformance.Schema.Loading;

/// <summary>Collects load diagnostics with source positions; all problems of a load are kept, in source order.</summary>
internal sealed class Diagnostics
{
    private readonly List<SchemaDiagnostic> items = [];
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    public int Count => items.Count;

    public IReadOnlyList<SchemaDiagnostic> Sorted() =>
        [.. items.OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)];

    /// <summary>Adds a diagnostic at <paramref name="at"/> (the property name when <paramref name="atKey"/>, else the value).</summary>
    public void Add(string code, Location at, bool atKey, string what, string why, string fix)
    {
        var positions = at.Document.Positions;
        var (line, column) = atKey ? positions.Key(at.Pointer) : positions.Value(at.Pointer);
        Add(new SchemaDiagnostic(code, at.Document.SourcePath, line, column, what, why, fix));
    }

    public void Add(SchemaDiagnostic diagnostic)
    {
        if (seen.Add(diagnostic.ToString()))
        {
            items.Add(diagnostic);
        }
    }

    /// <summary>Position of a pointer in a document (for callers that build their own diagnostic).</summary>
    public static (int Line, int Column) PositionOf(SchemaDocument document, string pointer) => document.Positions.Value(pointer);

    public static string Escape(string token) => JsonPointer.Escape(token);
}
