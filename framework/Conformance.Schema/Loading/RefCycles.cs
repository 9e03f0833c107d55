using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;
using Conformance.Schema.Keywords;

namespace Conformance.Schema.Loading;

/// <summary>
/// CT0211: a cycle of subschemas applied to the same value (<c>$ref</c>, <c>allOf</c>, <c>not</c>, <c>if</c>...) with no
/// keyword on it that moves into a property or an item. Evaluating it never ends, so it is the schema's mistake, found
/// once after compiling and reported at the reference that closes it. A <c>$dynamicRef</c>/<c>$recursiveRef</c> counts
/// only where the dynamic scope cannot change its target (no other resource declares the anchor); otherwise the
/// run-time depth guard still stops a loop.
/// </summary>
internal static class RefCycles
{
    public static void Report(IReadOnlyList<(Location Location, SchemaNode Node)> created, Diagnostics diagnostics)
    {
        var locations = new Dictionary<SchemaNode, Location>(created.Count);
        foreach (var (location, node) in created)
        {
            locations[node] = location;
        }

        var resources = locations.Keys.Select(n => n.Resource).Distinct().ToList();
        var onStack = new Dictionary<SchemaNode, int>(created.Count); // stack index while on the stack, -1 once done
        var stack = new List<Frame>();
        foreach (var (_, start) in created)
        {
            if (onStack.ContainsKey(start))
            {
                continue;
            }

            Push(start);
            while (stack.Count > 0)
            {
                var top = stack[^1];
                if (top.Next == top.Edges.Count)
                {
                    onStack[top.Node] = -1;
                    stack.RemoveAt(stack.Count - 1);
                    continue;
                }

                var edge = top.Edges[top.Next];
                stack[^1] = top with { Next = top.Next + 1 };
                if (!onStack.TryGetValue(edge.Target, out var at))
                {
                    Push(edge.Target);
                }
                else if (at >= 0)
                {
                    Add(stack.Skip(at).Select(f => (f.Node, f.Edges[f.Next - 1])).ToList(), locations, diagnostics);
                }
            }
        }

        void Push(SchemaNode node)
        {
            onStack[node] = stack.Count;
            stack.Add(new Frame(node, Edges(node, resources), 0));
        }
    }

    private static List<Edge> Edges(SchemaNode node, List<Resource> resources)
    {
        var edges = new List<Edge>();
        foreach (var keyword in node.Keywords)
        {
            foreach (var target in keyword.InPlace)
            {
                if (Certain(keyword, target, resources) is { } resolved)
                {
                    edges.Add(new Edge(keyword, resolved));
                }
            }
        }

        return edges;
    }

    /// <summary>Where a keyword certainly goes: a dynamic reference the dynamic scope could redirect goes nowhere certain.</summary>
    private static SchemaNode? Certain(Keyword keyword, SchemaNode target, List<Resource> resources) => keyword switch
    {
        DynamicRefKeyword { Anchor: { } anchor } when target.Resource.DynamicAnchors.GetValueOrDefault(anchor) == target =>
            resources.Exists(r => r.DynamicAnchors.TryGetValue(anchor, out var other) && other != target) ? null : target,
        RecursiveRefKeyword when target.Resource.RecursiveAnchor =>
            resources.Exists(r => r.RecursiveAnchor && r.Root is not null && r != target.Resource) || (target.Resource.Root ?? target) != target ? null : target,
        _ => target,
    };

    /// <summary>Reports the cycle at its last reference: every cycle has one, as a subschema is never its own descendant.</summary>
    private static void Add(List<(SchemaNode Source, Edge Edge)> cycle, Dictionary<SchemaNode, Location> locations, Diagnostics diagnostics)
    {
        var closing = cycle.FindLastIndex(c => IsReference(c.Edge.Keyword));
        closing = closing < 0 ? cycle.Count - 1 : closing;
        var (source, edge) = cycle[closing];
        var at = locations[source];
        var path = new List<string> { Show(locations[edge.Target], at.Document) };
        for (var i = 1; i <= cycle.Count; i++)
        {
            path.Add(Show(locations[cycle[(closing + i) % cycle.Count].Edge.Target], at.Document));
        }

        diagnostics.Add(SchemaErrorCodes.RefCycle, at.Child(edge.Keyword.Name), false,
            $"\"{edge.Keyword.Name}\" closes a cycle of schemas that never moves into the instance: {string.Join(" -> ", path)}",
            "every value that reaches it would be checked against these schemas again and again without ever stepping into a property or an item, so validation could not end",
            "point a reference on the cycle elsewhere, or put the recursion under a keyword that moves into the instance (properties, items, additionalProperties...)");
    }

    private static bool IsReference(Keyword keyword) => keyword is RefKeyword or DynamicRefKeyword or RecursiveRefKeyword;

    /// <summary><c>#/$defs/a</c> in the reporting document; another document by its file name (its path when elsewhere).</summary>
    private static string Show(Location location, SchemaDocument from)
    {
        var fragment = "#" + JsonPointer.ToFragment(location.Pointer);
        if (location.Document == from)
        {
            return fragment;
        }

        var path = location.Document.SourcePath;
        return (Path.GetDirectoryName(path) == Path.GetDirectoryName(from.SourcePath) ? Path.GetFileName(path) : path) + fragment;
    }

    private readonly record struct Edge(Keyword Keyword, SchemaNode Target);

    private readonly record struct Frame(SchemaNode Node, List<Edge> Edges, int Next);
}
