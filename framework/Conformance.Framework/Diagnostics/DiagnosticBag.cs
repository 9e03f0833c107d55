using YamlDotNet.RepresentationModel;

namespace Conformance.Diagnostics;

/// <summary>Collects every problem of a load; nothing stops at the first.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> items = [];

    public IReadOnlyList<Diagnostic> Items => items;

    public int Count => items.Count;

    public void Add(Diagnostic diagnostic) => items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => items.AddRange(diagnostics);

    public void Error(ErrorCode code, SourceLocation at, string what, string why, string? fix = null) =>
        items.Add(new Diagnostic(code.Code, at, what, why, fix ?? code.Fix));

    public void Error(ErrorCode code, string path, YamlNode node, string what, string why, string? fix = null) =>
        Error(code, At(path, node), what, why, fix);

    public static SourceLocation At(string path, YamlNode node) =>
        new(path, (int)node.Start.Line, (int)node.Start.Column);
}
