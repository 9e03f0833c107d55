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

    private JsonNode? Component(JsonObject map, string reference, PartFile part, string pointer, PartFile file, string at)
    {
        var key = Key(part, pointer);
        if (!names.TryGetValue(key, out var name))
        {
            if (Loop(part, pointer) is { } loop)
            {
                errors.Add(Error(file, at, $"the $ref '{reference}' leads only to references that go round ({loop}), so it names no schema", "Give one of these files the schema itself instead of a reference."));
                return null;
            }

            name = Unique(pointer.Length > 0 ? Pointers.Tokens(pointer)[^1] : Path.GetFileNameWithoutExtension(part.FullPath));
            names[key] = name;
            pending.Enqueue((part, pointer, Pointers.Resolve(part.Root, pointer).Node, name));
        }

        map["$ref"] = (swagger ? "#/definitions/" : "#/components/schemas/") + name;
        return null;
    }

    /// <summary>The references to other files <paramref name="pointer"/> of <paramref name="part"/> leads through, when they go round and reach no schema; else null.</summary>
    private string? Loop(PartFile part, string pointer)
    {
        var seen = new List<string> { Key(part, pointer) };
        for (var (file, at) = (part, pointer); seen.Count <= MaxInlined;)
        {
            if (Pointers.Resolve(file.Root, at).Node is not JsonObject node || Text(node["$ref"]) is not { } reference
                || Target(reference, file) is not { Full: { } full, Pointer: var next } || files.Load(full).File is not { } nextFile)
            {
                return null;
            }

            var key = Key(nextFile, next);
            var known = seen.Contains(key);
            seen.Add(key);
            if (known)
            {
                return string.Join(" -> ", seen.Select(k => k[(k.IndexOf('|', StringComparison.Ordinal) + 1)..]));
            }

            (file, at) = (nextFile, next);
        }

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
