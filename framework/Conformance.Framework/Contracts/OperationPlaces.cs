using Conformance.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Conformance.Contracts;

/// <summary>Where api.yaml reports the first error of each operation that could not be loaded, for the rows that use it.</summary>
internal static class OperationPlaces
{
    /// <summary>
    /// Each broken operation with the place of the first diagnostic in api.yaml inside its entry of <c>operations:</c>
    /// (from its key to the line before the next key: the next operation's, or the next top-level key's), else its key's place.
    /// </summary>
    public static Dictionary<string, SourceLocation> Of(YamlNode? root, IEnumerable<string> broken, IReadOnlyList<Diagnostic> diagnostics, string path)
    {
        var places = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var top = root is YamlMappingNode map ? map.Children.Keys.ToList() : [];
        var at = top.FindIndex(k => k is YamlScalarNode { Value: "operations" });
        var entries = at >= 0 && ((YamlMappingNode)root!).Children[top[at]] is YamlMappingNode ops ? ops.Children.Keys.ToList() : [];
        var end = at >= 0 && at + 1 < top.Count ? top[at + 1].Start.Line - 1 : long.MaxValue;
        foreach (var id in broken)
        {
            var index = entries.FindIndex(k => k is YamlScalarNode s && s.Value == id);
            if (index < 0)
            {
                places[id] = SourceLocation.FileStart(path);
                continue;
            }

            var first = entries[index].Start.Line;
            var last = index + 1 < entries.Count ? entries[index + 1].Start.Line - 1 : end;
            var inside = diagnostics.FirstOrDefault(d => d.Location.Path == path && d.Location.Line >= first && d.Location.Line <= last);
            places[id] = inside?.Location ?? DiagnosticBag.At(path, entries[index]);
        }

        return places;
    }
}
