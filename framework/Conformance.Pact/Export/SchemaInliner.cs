using System.Text.Json.Nodes;

namespace Conformance.Pact.Export;

/// <summary>
/// A copy of a schema with every local <c>$ref</c> (<c>#/$defs/x</c>, <c>#/definitions/x</c>) replaced by its
/// target, siblings kept, so examples and matchers see the whole shape. Remote or cyclic refs are refused.
/// </summary>
internal static class SchemaInliner
{
    private const int MaxDepth = 24;

    public static JsonNode Inline(JsonNode root) => Copy(root, root, 0);

    private static JsonNode Copy(JsonNode node, JsonNode root, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new NotSupportedException("its $ref chain is deeper than 24 levels (cyclic?)");
        }

        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    if (name == "$ref" && value is JsonValue target && target.TryGetValue<string>(out var pointer))
                    {
                        if (Resolve(root, pointer) is not JsonObject resolved)
                        {
                            throw new NotSupportedException($"$ref '{pointer}' is not a local reference to a schema object");
                        }

                        foreach (var (key, inner) in (JsonObject)Copy(resolved, root, depth + 1))
                        {
                            copy[key] ??= inner?.DeepClone();
                        }
                    }
                    else if (name is not ("$defs" or "definitions"))
                    {
                        copy[name] = value is null ? null : Copy(value, root, depth + 1);
                    }
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(v => v is null ? null : Copy(v, root, depth + 1))]);
            default:
                return node.DeepClone();
        }
    }

    private static JsonNode? Resolve(JsonNode root, string pointer)
    {
        if (!pointer.StartsWith('#'))
        {
            return null;
        }

        var node = root;
        foreach (var token in pointer[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Uri.UnescapeDataString(token).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node is JsonObject obj && obj.TryGetPropertyValue(name, out var next) && next is not null ? next : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }
}
