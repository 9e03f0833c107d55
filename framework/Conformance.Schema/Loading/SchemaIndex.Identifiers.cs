using System.Text.Json;
using Conformance.Schema.Evaluation;

namespace Conformance.Schema.Loading;

/// <summary>$id / $anchor / $dynamicAnchor / $recursiveAnchor registration.</summary>
internal sealed partial class SchemaIndex
{
    private static string? ReadId(JsonElement element, DialectInfo dialect, bool hasRef)
    {
        if (hasRef && dialect.RefOverridesSiblings)
        {
            return null;
        }

        return element.TryGetProperty(dialect.IdKeyword, out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
    }

    private (string BaseUri, Resource Resource, string ResourcePointer) ApplyId(
        Location at, string id, string baseUri, DialectInfo dialect, Resource resource, string resourcePointer, bool fresh)
    {
        if (dialect.Dialect <= Dialect.Draft7 && id.StartsWith('#'))
        {
            targets.TryAdd(UriUtil.WithoutFragment(baseUri) + id, at);
            return (baseUri, resource, resourcePointer);
        }

        if (!UriUtil.TryResolve(baseUri, id, out var resolved))
        {
            return (baseUri, resource, resourcePointer);
        }

        var key = UriUtil.Key(resolved);
        var fragment = UriUtil.Fragment(resolved);
        if (fragment.Length > 0 && dialect.Dialect <= Dialect.Draft7)
        {
            targets.TryAdd(key + "#" + fragment, at);
        }

        targets[key] = at;
        if (fresh)
        {
            Resources.Remove(resource);
        }

        return (key, NewResource(key, at), at.Pointer);
    }

    private void RegisterAnchors(Location at, JsonElement element, string baseUri, DialectInfo dialect, Resource resource, string resourcePointer)
    {
        if (dialect.Dialect >= Dialect.Draft201909 && element.TryGetProperty("$anchor", out var anchor) && anchor.ValueKind == JsonValueKind.String)
        {
            targets.TryAdd(baseUri + "#" + anchor.GetString(), at);
        }

        if (dialect.Dialect >= Dialect.Draft202012 && element.TryGetProperty("$dynamicAnchor", out var dynamic) && dynamic.ValueKind == JsonValueKind.String)
        {
            var name = dynamic.GetString()!;
            targets.TryAdd(baseUri + "#" + name, at);
            Resources[resource].DynamicAnchors.TryAdd(name, at.Pointer);
        }

        if (dialect.Dialect == Dialect.Draft201909 && at.Pointer == resourcePointer
            && element.TryGetProperty("$recursiveAnchor", out var recursive) && recursive.ValueKind == JsonValueKind.True)
        {
            resource.RecursiveAnchor = true;
        }
    }
}
