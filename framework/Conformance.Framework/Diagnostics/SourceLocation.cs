namespace Conformance.Diagnostics;

/// <summary>A place in a user file: path relative to the repository root, 1-based line and column.</summary>
public sealed record SourceLocation(string Path, int Line, int Column)
{
    public static SourceLocation FileStart(string path) => new(path, 1, 1);

    public override string ToString() => $"{Path}({Line},{Column})";
}
