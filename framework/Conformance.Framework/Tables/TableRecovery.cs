using Conformance.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Conformance.Tables;

/// <summary>
/// A status table that is not valid YAML, read again row by row, so that one broken row does not hide the others:
/// each row of its block <c>rows:</c> list is a span of lines from its <c>- </c> to the next; a span YAML cannot read
/// is replaced by an empty item (<c>- ~</c>, its other lines left blank, so every line keeps its number) and reported
/// as that row's error; the rest of the file is then read as usual.
/// </summary>
internal static class TableRecovery
{
    /// <summary>
    /// The file's tree with its broken rows as empty items, and each broken row's diagnostics by the line its item
    /// starts on; null when the failure is not inside one row (a header line, a flow-style <c>rows: [...]</c>, a
    /// mistake that spans rows): then the whole file is one error, as <see cref="Contracts.YamlSource.Load"/> said.
    /// </summary>
    public static (YamlNode Root, Dictionary<int, IReadOnlyList<Diagnostic>> Broken)? Read(string text, string path)
    {
        var lines = text.Split('\n');
        var spans = RowSpans.Find(lines);
        if (spans.Count == 0)
        {
            return null;
        }

        var broken = new Dictionary<int, IReadOnlyList<Diagnostic>>();
        foreach (var span in spans)
        {
            var bag = new DiagnosticBag();
            // Below a 'rows:' line of its own, as in the file: nesting counts as it would there.
            if (!Contracts.YamlSource.Parses("rows:\n" + span.Text(lines), path, bag))
            {
                broken[span.First] = Shift(bag.Items, span.First - 2);
            }
        }

        // What reads alone may still fail in the file (a key written twice, an alias): blame the row it is in, once.
        for (var attempt = 0; attempt <= spans.Count; attempt++)
        {
            var bag = new DiagnosticBag();
            var root = Contracts.YamlSource.Load(Blank(lines, spans, broken), path, bag);
            if (root is not null)
            {
                return broken.Count == 0 ? null : (root, broken);
            }

            var line = bag.Items.Count == 0 ? 0 : bag.Items[0].Location.Line;
            var span = spans.FirstOrDefault(s => line >= s.First && line <= s.Last);
            if (span is null || broken.ContainsKey(span.First))
            {
                return null;
            }

            broken[span.First] = bag.Items;
        }

        return null;
    }

    private static List<Diagnostic> Shift(IEnumerable<Diagnostic> diagnostics, int lines) =>
        diagnostics.Select(d => d with { Location = d.Location with { Line = d.Location.Line + lines } }).ToList();

    private static string Blank(string[] lines, List<RowSpan> spans, Dictionary<int, IReadOnlyList<Diagnostic>> broken)
    {
        var copy = (string[])lines.Clone();
        foreach (var span in spans.Where(s => broken.ContainsKey(s.First)))
        {
            copy[span.First - 1] = new string(' ', span.Indent) + "- ~";
            for (var line = span.First + 1; line <= span.Last; line++)
            {
                copy[line - 1] = string.Empty;
            }
        }

        return string.Join('\n', copy);
    }
}
