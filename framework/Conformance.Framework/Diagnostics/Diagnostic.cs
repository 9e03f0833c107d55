namespace Conformance.Diagnostics;

/// <summary>
/// One problem in a user file, rendered the way IDEs and CI annotate:
/// <c>path(line,col): error CTnnnn: what, why. Fix: fix</c>.
/// </summary>
public sealed record Diagnostic(string Code, SourceLocation Location, string What, string Why, string Fix)
{
    public override string ToString() => $"{Location}: error {Code}: {What}, {Why}. Fix: {Fix}";
}
