using System.Globalization;

namespace Conformance.Schema;

/// <summary>A problem found while loading a schema, with the 1-based position of the offending node.</summary>
public sealed record SchemaDiagnostic(string Code, string Path, int Line, int Column, string What, string Why, string Fix)
{
    /// <summary>Renders as <c>{Path}({Line},{Column}): error {Code}: {What}, {Why}. Fix: {Fix}</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Path}({Line},{Column}): error {Code}: {What}, {Why}. Fix: {Fix}");
}
