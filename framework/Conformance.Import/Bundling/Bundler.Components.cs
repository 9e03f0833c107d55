using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.Import.Bundling;

/// <summary>
/// Schemas from other files as entries of <c>components/schemas</c> (<c>definitions</c> in Swagger 2.0): one for each
/// file and pointer, named after the pointer's last token or the file's stem, made a valid and unique component name.
/// </summary>
internal sealed partial class Bundler
{
    /// <summary>A component schema of the main document that is only a reference to another file takes that file's schema as its own name.</summary>
    private void Claim()
    {
        foreach (var (name, entry) in Schemas(create: false)?.ToList() ?? [])
        {
            if (entry is JsonObject { Count: 1 } only && Text(only["$ref"]) is { } reference
                && Target(reference, files.Main) is { Full: { } full, Pointer: var pointer } && files.Load(full) is { File: { } file } && file != files.Main
                && Pointers.Resolve(file.Root, pointer).Node is { } node && names.TryAdd(Key(file, pointer), name))
            {
                pending.Enqueue((file, pointer, node, name));
            }
        }
    }

    private JsonNode? Component(JsonObject map, PartFile part, string pointer)
    {
        var key = Key(part, pointer);
        if (!names.TryGetValue(key, out var name))
        {
            name = Unique(pointer.Length > 0 ? Pointers.Tokens(pointer)[^1] : Path.GetFileNameWithoutExtension(part.FullPath));
            names[key] = name;
            pending.Enqueue((part, pointer, Pointers.Resolve(part.Root, pointer).Node, name));
        }

        map["$ref"] = (swagger ? "#/definitions/" : "#/components/schemas/") + name;
        return null;
    }

    private JsonObject? Schemas(bool create)
    {
        var holder = swagger ? root : root["components"] as JsonObject;
        if (holder is null && create)
        {
            holder = new JsonObject();
            root["components"] = holder;
        }

        var key = swagger ? "definitions" : "schemas";
        if (holder?[key] is not JsonObject schemas && create && holder is not null)
        {
            schemas = new JsonObject();
            holder[key] = schemas;
        }

        return holder?[key] as JsonObject;
    }

    private string Unique(string suggested)
    {
        var name = Invalid().Replace(suggested, "_");
        name = name.Length == 0 ? "Schema" : name;
        var unique = name;
        for (var n = 2; !taken.Add(unique); n++)
        {
            unique = $"{name}_{n}";
        }

        return unique;
    }

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex Invalid();
}
