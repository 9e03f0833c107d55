using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Loading;

/// <summary>A place in a document: the document and a JSON Pointer into it.</summary>
internal readonly record struct Location(SchemaDocument Document, string Pointer)
{
    public Location Child(string token) => new(Document, JsonPointer.Append(Pointer, token));

    public Location Child(int index) => new(Document, JsonPointer.Append(Pointer, index));
}

/// <summary>What the index knows about one schema location.</summary>
internal sealed record NodeInfo(string BaseUri, DialectInfo Dialect, Resource Resource, string ResourcePointer);

/// <summary>Identifiers ($id, $anchor, $dynamicAnchor) of every document reached so far, found by walking subschemas.</summary>
internal sealed partial class SchemaIndex(SchemaRegistry registry, DialectResolver dialects)
{
    private readonly Dictionary<string, Location> targets = new(StringComparer.Ordinal);
    private readonly Dictionary<Location, NodeInfo> nodes = [];
    private readonly HashSet<SchemaDocument> walked = [];

    /// <summary>Root location and $dynamicAnchor pointers of each resource.</summary>
    public Dictionary<Resource, (Location Root, Dictionary<string, string> DynamicAnchors)> Resources { get; } = [];

    public DialectResolver Dialects => dialects;

    public void AddDocument(SchemaDocument document, DialectInfo defaultDialect)
    {
        if (!walked.Add(document) || document.Error is not null)
        {
            return;
        }

        var root = new Location(document, string.Empty);
        targets.TryAdd(document.Uri, root);
        Walk(root, document.Root, document.Uri, defaultDialect, null, string.Empty, true, 0);
    }

    /// <summary>The indexed resource an absolute URI's part before the fragment names (after <see cref="Find"/> loaded it), if any.</summary>
    public Location? Document(string absolute) => targets.TryGetValue(UriUtil.Key(absolute), out var at) ? at : null;

    /// <summary>Why the file an absolute URI names could not be read, when the registry refused it; else null.</summary>
    public string? Unreadable(string absolute) => registry.Unreadable(absolute);

    /// <summary>Finds the location an absolute URI (with optional fragment) names; loads registered documents on demand.</summary>
    public Location? Find(string absolute, DialectInfo referrerDialect)
    {
        var key = UriUtil.Key(absolute);
        var fragment = UriUtil.Fragment(absolute);
        if (!targets.ContainsKey(key) && registry.Find(key) is { } document)
        {
            AddDocument(document, dialects.OfDocument(document) ?? referrerDialect);
        }

        if (fragment.Length == 0 || fragment[0] == '/')
        {
            if (!targets.TryGetValue(key, out var resource))
            {
                return null;
            }

            var pointer = resource.Pointer + JsonPointer.FromFragment(fragment);
            return JsonPointer.TryResolve(resource.Document.Root, pointer, out _) ? resource with { Pointer = pointer } : null;
        }

        return targets.TryGetValue(key + "#" + fragment, out var anchor) ? anchor
            : targets.TryGetValue(key + "#" + Uri.UnescapeDataString(fragment), out anchor) ? anchor : null;
    }

    /// <summary>Base URI, dialect and resource at <paramref name="location"/>, walking unindexed subtrees on demand.</summary>
    public NodeInfo Info(Location location)
    {
        if (nodes.TryGetValue(location, out var info))
        {
            return info;
        }

        var parentPointer = location.Pointer;
        NodeInfo? parent = null;
        while (parentPointer.Length > 0 && parent is null)
        {
            var slash = parentPointer.LastIndexOf('/');
            parentPointer = parentPointer[..slash];
            nodes.TryGetValue(location with { Pointer = parentPointer }, out parent);
        }

        parent ??= new NodeInfo(location.Document.Uri, dialects.Default, NewResource(location.Document.Uri, location with { Pointer = string.Empty }), string.Empty);
        JsonPointer.TryResolve(location.Document.Root, location.Pointer, out var element);
        Walk(location, element, parent.BaseUri, parent.Dialect, parent.Resource, parent.ResourcePointer, false, 0);
        return nodes[location];
    }

    private Resource NewResource(string uri, Location root)
    {
        var resource = new Resource(uri);
        Resources[resource] = (root, new Dictionary<string, string>(StringComparer.Ordinal));
        return resource;
    }

    private void Walk(Location at, JsonElement element, string baseUri, DialectInfo dialect, Resource? parentResource, string resourcePointer, bool docRoot, int depth)
    {
        var resource = parentResource ?? NewResource(baseUri, at);
        if (element.ValueKind != JsonValueKind.Object)
        {
            nodes.TryAdd(at, new NodeInfo(baseUri, dialect, resource, resourcePointer));
            return;
        }

        var hasRef = element.TryGetProperty("$ref", out _);
        var id = ReadId(element, dialect, hasRef);
        if ((docRoot || id is not null) && element.TryGetProperty("$schema", out var schemaUri) && schemaUri.ValueKind == JsonValueKind.String)
        {
            dialect = dialects.Resolve(schemaUri.GetString()!) ?? dialect;
            id = ReadId(element, dialect, hasRef);
        }

        if (id is not null)
        {
            (baseUri, resource, resourcePointer) = ApplyId(at, id, baseUri, dialect, resource, resourcePointer, parentResource is null);
        }

        RegisterAnchors(at, element, baseUri, dialect, resource, resourcePointer);
        nodes[at] = new NodeInfo(baseUri, dialect, resource, resourcePointer);
        if (depth > 4096)
        {
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!KeywordTable.HoldsSchemas(dialect, property.Name))
            {
                continue;
            }

            var child = at.Child(property.Name);
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Array && KeywordTable.SchemaArray.Contains(property.Name))
            {
                for (var i = 0; i < value.GetArrayLength(); i++)
                {
                    Walk(child.Child(i), value[i], baseUri, dialect, resource, resourcePointer, false, depth + 1);
                }
            }
            else if (value.ValueKind == JsonValueKind.Object && KeywordTable.SchemaMap.Contains(property.Name))
            {
                foreach (var entry in value.EnumerateObject())
                {
                    Walk(child.Child(entry.Name), entry.Value, baseUri, dialect, resource, resourcePointer, false, depth + 1);
                }
            }
            else if (KeywordTable.SingleSchema.Contains(property.Name))
            {
                Walk(child, value, baseUri, dialect, resource, resourcePointer, false, depth + 1);
            }
        }
    }
}
