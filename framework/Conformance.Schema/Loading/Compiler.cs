using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Loading;

/// <summary>
/// Compiles schema locations into <see cref="SchemaNode"/>s. Work is queued, not recursive, so $ref cycles and
/// deep schemas cannot overflow the stack; every node is compiled exactly once per load.
/// </summary>
internal sealed class Compiler(SchemaIndex index, SchemaOptions options, Diagnostics diagnostics)
{
    private readonly Dictionary<Location, SchemaNode> nodes = [];
    private readonly List<(Location Location, SchemaNode Node)> created = [];
    private readonly Queue<(SchemaNode Node, Location Location)> pending = new();
    private readonly HashSet<Resource> prepared = [];

    public SchemaOptions Options => options;

    public Diagnostics Diagnostics => diagnostics;

    public SchemaIndex Index => index;

    /// <summary>True when some compiled schema uses unevaluatedProperties/unevaluatedItems.</summary>
    public bool UsesUnevaluated { get; set; }

    /// <summary>Every node of this load with its location, in the order they were created (roots first).</summary>
    public IReadOnlyList<(Location Location, SchemaNode Node)> Created => created;

    /// <summary>The documents each document's references reach directly (for a shared load: whose problems are whose).</summary>
    public Dictionary<SchemaDocument, HashSet<SchemaDocument>> References { get; } = [];

    /// <summary>The node for <paramref name="location"/>; created empty and queued the first time.</summary>
    public SchemaNode Node(Location location)
    {
        if (nodes.TryGetValue(location, out var existing))
        {
            return existing;
        }

        var info = index.Info(location);
        var relative = location.Pointer[info.ResourcePointer.Length..];
        var node = new SchemaNode(info.Resource, info.Resource.Uri + "#" + JsonPointer.ToFragment(relative));
        nodes[location] = node;
        created.Add((location, node));
        pending.Enqueue((node, location));
        Prepare(info.Resource);
        return node;
    }

    /// <summary>Compiles everything queued until nothing is left, then reports reference cycles that consume no input.</summary>
    public void Drain()
    {
        while (pending.TryDequeue(out var work))
        {
            Compile(work.Node, work.Location);
        }

        RefCycles.Report(created, diagnostics);
    }

    /// <summary>Resolves a reference from the schema at <paramref name="from"/>; reports CT0203 when it cannot.</summary>
    public SchemaNode? Resolve(string reference, Location from, NodeInfo info, string keyword)
    {
        if (!UriUtil.TryResolve(info.BaseUri, reference, out var absolute))
        {
            diagnostics.Add(SchemaErrorCodes.InvalidUri, from.Child(keyword), false, $"\"{keyword}\" value \"{reference}\" is not a valid URI reference",
                $"it cannot be resolved against the base URI {info.BaseUri}", "write an absolute URI, a relative path or a '#' fragment");
            return null;
        }

        if (index.Find(absolute, info.Dialect) is { } target)
        {
            if (target.Document != from.Document)
            {
                (References.TryGetValue(from.Document, out var reached) ? reached : References[from.Document] = []).Add(target.Document);
            }

            return Node(target);
        }

        var (why, fix) = UnresolvedRef.Explain(index.Document(absolute), absolute, index.Unreadable(absolute));
        diagnostics.Add(SchemaErrorCodes.UnresolvableRef, from.Child(keyword), false, $"\"{keyword}\" cannot be resolved: {absolute}", why, fix);
        return null;
    }

    private void Prepare(Resource resource)
    {
        if (!prepared.Add(resource) || !index.Resources.TryGetValue(resource, out var entry))
        {
            return;
        }

        foreach (var (name, pointer) in entry.DynamicAnchors)
        {
            resource.DynamicAnchors[name] = Node(entry.Root with { Pointer = pointer });
        }

        if (resource.RecursiveAnchor)
        {
            resource.Root = Node(entry.Root);
        }
    }

    private void Compile(SchemaNode node, Location location)
    {
        JsonPointer.TryResolve(location.Document.Root, location.Pointer, out var element);
        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            node.SetBoolean(element.ValueKind == JsonValueKind.True);
            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Add(SchemaErrorCodes.InvalidKeywordValue, location, false, "a schema must be an object or a boolean",
                $"found {ValueText.TypeName(element)} {ValueText.Show(element)}", "replace the value with a schema object");
            node.SetBoolean(true);
            return;
        }

        if (location.Pointer.Count(c => c == '/') > options.MaxDepth)
        {
            diagnostics.Add(SchemaErrorCodes.TooDeep, location, false, "the schema nests too deeply",
                $"it is deeper than MaxDepth {options.MaxDepth}", "flatten the schema with $defs and $ref or raise SchemaOptions.MaxDepth");
            node.SetBoolean(true);
            return;
        }

        var info = index.Info(location);
        var scope = new KeywordScope(this, location, info, element);
        node.SetKeywords(KeywordFactory.CreateAll(scope));
    }
}
