using System.Globalization;

namespace Conformance.Schema.Loading;

/// <summary>Collects load diagnostics with source positions; all problems of a load are kept, in source order.</summary>
internal sealed class Diagnostics
{
    private readonly List<SchemaDiagnostic> items = [];
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly HashSet<string> positions = new(StringComparer.Ordinal);

    public int Count => items.Count;

    public IReadOnlyList<SchemaDiagnostic> Sorted() =>
        [.. items.OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)];

    /// <summary>Adds a diagnostic at <paramref name="at"/> (the property name when <paramref name="atKey"/>, else the value).</summary>
    public void Add(string code, Location at, bool atKey, string what, string why, string fix)
    {
        var map = at.Document.Positions;
        var (line, column) = atKey ? map.Key(at.Pointer) : map.Value(at.Pointer);
        Add(new SchemaDiagnostic(code, at.Document.SourcePath, line, column, what, why, fix));
    }

    public void Add(SchemaDiagnostic diagnostic)
    {
        // A wrong keyword value is reported once: the metaschema's CT0202 wins over the compiler's CT0209.
        var position = string.Create(CultureInfo.InvariantCulture, $"{diagnostic.Path}({diagnostic.Line},{diagnostic.Column})");
        if (diagnostic.Code == SchemaErrorCodes.InvalidKeywordValue && positions.Contains(position))
        {
            return;
        }

        positions.Add(position);
        if (seen.Add(diagnostic.ToString()))
        {
            items.Add(diagnostic);
        }
    }
}
