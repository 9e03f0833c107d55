using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>
/// JSON Schema files for the pack's <c>schemas/</c> folder: a component schema becomes <c>{Name}.schema.json</c>, an
/// inline one a file named after its operation and status; <c>#/components/schemas/X</c> references become references
/// to <c>X.schema.json</c>, whose file is written too. Schemas are written as OpenAPI 3.1 writes them (JSON Schema
/// 2020-12; a 3.0 document's <c>nullable</c> becomes a <c>null</c> type).
/// </summary>
internal sealed class SchemaFiles(OpenApiDocument document)
{
    private const string Dialect = "https://json-schema.org/draft/2020-12/schema";
    private const string ComponentPrefix = "#/components/schemas/";

    // Values, not schemas: nothing in them is rewritten. Under Names, each key is a name (a property called "default").
    private static readonly HashSet<string> Data = new(StringComparer.Ordinal) { "example", "examples", "default", "enum", "const" };
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal) { "properties", "patternProperties", "$defs", "definitions", "dependentSchemas" };
    private readonly Dictionary<string, JsonObject> files = new(StringComparer.Ordinal);

    // Inline schemas shared under a name: the file of each distinct one (as the document writes it).
    private readonly Dictionary<(string Name, string Json), string> shared = [];
    private readonly HashSet<string> sharedNames = new(StringComparer.Ordinal);

    // Files that refer to what the document does not hold (a missing component, another file), directly or through a
    // file that does: they are not written, and a response using one gets no body contract (docs/import.md).
    private readonly HashSet<string> open = new(StringComparer.Ordinal);
    private readonly Stack<(string Path, JsonObject File)> writing = new(); // the files being written, innermost on top
    private readonly Dictionary<string, string> pathOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> nameAt = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> notes = [];

    /// <summary>What was changed so the files load: a format the framework would refuse as misspelt (CT0212) renamed.</summary>
    public IReadOnlyList<string> Notes => notes;

    public IReadOnlyDictionary<string, JsonObject> Files
    {
        get
        {
            Spread();
            return files.Where(f => !open.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// The pack-relative path of a file holding <paramref name="schema"/> (<paramref name="inlineName"/> names it when it
    /// is not a component), or null when it is a reference the document does not resolve (a missing component, another file).
    /// </summary>
    public string? Add(IOpenApiSchema schema, string inlineName)
    {
        var path = schema is OpenApiSchemaReference reference
            ? reference.Reference.Id is { } id && Known(id) ? Component(id) : null
            : Write(FileName(inlineName), schema);
        Spread();
        return path is null || open.Contains(path) ? null : path;
    }

    /// <summary>
    /// Like <see cref="Add"/>, for an inline schema several operations may document alike (an error status's): one equal
    /// to one added before under <paramref name="name"/> gets that one's file; a distinct one a file of
    /// <paramref name="name"/>, or of <paramref name="ownName"/> when another schema has that name already.
    /// </summary>
    public string? AddShared(IOpenApiSchema schema, string name, string ownName)
    {
        if (schema is OpenApiSchemaReference)
        {
            return Add(schema, name);
        }

        var key = (name, Serialize(schema).ToJsonString());
        if (!shared.TryGetValue(key, out var path))
        {
            path = Add(schema, sharedNames.Add(name) ? name : ownName);
            if (path is null)
            {
                return null;
            }

            shared[key] = path;
        }

        return open.Contains(path) ? null : path;
    }

    /// <summary>A file referring to an open file is open too (until nothing changes: reference cycles).</summary>
    private void Spread()
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var (path, file) in files.Where(f => !open.Contains(f.Key)).ToList())
            {
                if (open.Any(o => file.ToJsonString().Contains($"\"{Path.GetFileName(o)}", StringComparison.Ordinal)))
                {
                    changed |= open.Add(path);
                }
            }
        }
        while (changed);
    }

    private bool Known(string id) => document.Components?.Schemas?.ContainsKey(id) == true;

    private string Component(string id)
    {
        var path = FileName(id);
        if (!files.ContainsKey(path) && document.Components?.Schemas?.TryGetValue(id, out var schema) == true)
        {
            files[path] = []; // taken before the walk, so a schema that refers to itself stops here
            Write(path, schema);
        }

        return path;
    }

    private string Write(string path, IOpenApiSchema schema)
    {
        var json = Serialize(schema);
        var file = new JsonObject { ["$schema"] = Dialect };
        foreach (var (key, value) in json)
        {
            file[key] = value?.DeepClone();
        }

        writing.Push((path, file));
        Rewrite(file);
        writing.Pop();
        files[path] = file;
        return path;
    }

    private void Rewrite(JsonNode? node, bool names = false)
    {
        switch (node)
        {
            case JsonObject obj:
                // These files judge responses: a writeOnly property (a password) is never in one, so it is not required there.
                if (obj["required"] is JsonArray required && obj["properties"] is JsonObject properties)
                {
                    foreach (var item in required.ToList().Where(i => i is JsonValue v && v.TryGetValue<string>(out var n) && properties[n] is JsonObject p && p["writeOnly"] is JsonValue w && w.TryGetValue<bool>(out var wo) && wo))
                    {
                        required.Remove(item);
                    }
                }

                if (obj["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target))
                {
                    Refer(obj, target);
                }

                if (!names && obj["format"] is JsonValue format && format.TryGetValue<string>(out var name))
                {
                    Format(obj, name);
                }

                foreach (var (key, value) in obj.ToList().Where(p => names || !Data.Contains(p.Key)))
                {
                    Rewrite(value, !names && Names.Contains(key));
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Rewrite(item);
                }

                break;
        }
    }

    /// <summary>
    /// A format the framework would refuse as a misspelling (CT0212: <c>url</c>, <c>datetime</c>) is written as
    /// <c>x-url</c>, the name CT0212's fix gives a format of one's own: an annotation, the file loads.
    /// </summary>
    private void Format(JsonObject obj, string name)
    {
        if (Conformance.Schema.Loading.MisspeltFormat.Meant(name, Conformance.Schema.Dialect.Draft202012) is not [_, ..] meant)
        {
            return;
        }

        obj["format"] = "x-" + name;
        var note = $"format '{name}' in {writing.Peek().Path} is not one the validator knows and reads as a misspelling of {Conformance.Schema.Loading.MisspeltFormat.List(meant)} (CT0212): written as 'x-{name}', an annotation (correct it to the format meant, or keep the x- name)";
        if (!notes.Contains(note))
        {
            notes.Add(note);
        }
    }

    /// <summary>
    /// <c>#/components/schemas/X</c> becomes <c>X.schema.json</c>, <c>#/components/schemas/X/properties/y</c>
    /// <c>X.schema.json#/properties/y</c>; anything else outside the file (an unknown component, another document)
    /// makes every file being written open.
    /// </summary>
    private void Refer(JsonObject obj, string target)
    {
        if (target.StartsWith('#') && !target.StartsWith(ComponentPrefix, StringComparison.Ordinal))
        {
            obj["$ref"] = LocalDefinitions.Within(writing.Peek().File, target); // inside the same schema
            return;
        }

        var rest = target.StartsWith(ComponentPrefix, StringComparison.Ordinal) ? target[ComponentPrefix.Length..] : null;
        var slash = rest?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        var name = slash >= 0 ? rest![..slash] : rest;
        if (name is null || !Known(name))
        {
            foreach (var (path, _) in writing)
            {
                open.Add(path);
            }

            return;
        }

        obj["$ref"] = Path.GetFileName(Component(name)) + (slash >= 0 ? "#" + rest![slash..] : string.Empty);
    }

    private static JsonObject Serialize(IOpenApiSchema schema)
    {
        using var text = new StringWriter();
        var writer = new ExactJsonWriter(text);
        var written = schema is OpenApiSchemaReference { Target: { } target } ? target : schema;
        written.SerializeAsV31(writer);
        text.Flush();
        var json = JsonNode.Parse(text.ToString()) as JsonObject ?? [];
        DataValues.Restore(json, written);
        RawConsts.Unmark(json);
        return json;
    }

    /// <summary>
    /// The file of a schema name: <see cref="SchemaFileName.For"/>, unless another name already has that file (names that
    /// differ in a character a file name cannot hold, "Bad Request" and "Bad-Request", or in case alone, which a
    /// case-insensitive file system keeps as one file); then <see cref="SchemaFileName.Distinct"/>.
    /// </summary>
    private string FileName(string name)
    {
        if (pathOf.TryGetValue(name, out var known))
        {
            return known;
        }

        var path = SchemaFileName.For(name);
        path = nameAt.TryGetValue(path, out var other) && other != name ? SchemaFileName.Distinct(name) : path;
        pathOf[name] = path;
        nameAt[path] = name;
        return path;
    }
}
