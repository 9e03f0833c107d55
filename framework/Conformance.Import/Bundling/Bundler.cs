using System.Text.Json.Nodes;
using Conformance.Diagnostics;

namespace Conformance.Import.Bundling;

/// <summary>
/// A document split over files, made one before the OpenAPI reader reads it (which reads one file): each <c>$ref</c> to
/// a relative file path (<c>./schemas/Thing.yaml</c>, <c>common.yaml#/components/schemas/Error</c>,
/// <c>../parameters.yaml#/Limit</c>), relative to the file that holds it, and each local <c>#/...</c> one inside such a
/// file, is followed. A schema becomes an entry of <c>components/schemas</c> (<c>definitions</c> in Swagger 2.0), one for
/// each file and pointer, so that shared and recursive schemas stay references; anything else (a path item, a parameter, a
/// response...) is inlined where it is referred to. A reference with a scheme (<c>https://</c>) or an absolute path stays
/// as it is. What cannot be followed is one CT0401 at the <c>$ref</c>, in the file that holds it.
/// </summary>
internal sealed partial class Bundler
{
    /// <summary>How many values may be inlined from other files in all (objects inlined again and again multiply).</summary>
    public const int MaxNodes = 2_000_000;

    /// <summary>How many objects may be inlined one inside another.</summary>
    private const int MaxInlined = 64;

    private readonly PartFiles files;
    private readonly JsonObject root;
    private readonly bool swagger;
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);
    private readonly HashSet<string> taken = new(StringComparer.Ordinal);
    private readonly Queue<(PartFile File, string Pointer, JsonNode? Node, string Name)> pending = new();
    private readonly List<string> inlining = [];
    private readonly Dictionary<string, DocumentPlaces> places = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> errors = [];
    private readonly List<Origin> origins = [];
    private bool changed;
    private int nodes;

    private Bundler(string path, string displayPath, JsonObject root)
    {
        this.root = root;
        files = new PartFiles(path, displayPath, root);
        swagger = root.ContainsKey("swagger") && !root.ContainsKey("openapi");
        foreach (var name in Schemas(create: false)?.Select(e => e.Key) ?? [])
        {
            taken.Add(name);
        }
    }

    /// <summary>
    /// The document as JSON with every reference to another file followed; null when it refers to no other file (it is read
    /// as it is) or is not JSON or YAML (the reader says why). Errors: what could not be followed.
    /// </summary>
    public static string? Bundle(string path, string displayPath, string text, bool json, out IReadOnlyList<Diagnostic> errors, out IReadOnlyList<Origin> origins)
    {
        errors = [];
        origins = [];
        if (!text.Contains("$ref", StringComparison.Ordinal) || RawBounds.Parse(text, json) is not JsonObject root)
        {
            return null;
        }

        var bundler = new Bundler(path, displayPath, root);
        bundler.Run();
        errors = bundler.errors;
        origins = bundler.origins;
        return bundler.changed && bundler.errors.Count == 0 ? root.ToJsonString() : null;
    }

    private void Run()
    {
        Claim();
        Walk(root, files.Main, string.Empty, string.Empty, Site.Other);
        while (pending.TryDequeue(out var next) && errors.Count == 0)
        {
            var copy = Copy(next.Node);
            var schemas = Schemas(create: true)!;
            var at = (swagger ? "/definitions/" : "/components/schemas/") + Pointers.Escape(next.Name);
            origins.Add(new Origin(at, next.File, next.Pointer));
            schemas[next.Name] = Walk(copy, next.File, next.Pointer, at, Site.Schema) ?? copy;
        }
    }

    /// <summary>Follows the references in <paramref name="node"/>; returns what replaces it (an inlined object), else null.</summary>
    private JsonNode? Walk(JsonNode? node, PartFile file, string pointer, string at, Site site)
    {
        if (node is null || site == Site.Data || errors.Count > 0)
        {
            return null;
        }

        if (node is JsonArray list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (Walk(list[i], file, $"{pointer}/{i}", $"{at}/{i}", Sites.Item(site)) is { } replaced)
                {
                    list[i] = replaced;
                }
            }

            return null;
        }

        if (node is not JsonObject map)
        {
            return null;
        }

        if (site is Site.Schema or Site.Other && Text(map["$ref"]) is { } reference)
        {
            return Reference(map, reference, file, pointer, at, site);
        }

        foreach (var (key, child) in map.ToList())
        {
            if (Walk(child, file, $"{pointer}/{Pointers.Escape(key)}", $"{at}/{Pointers.Escape(key)}", Sites.Child(site, key)) is { } replaced)
            {
                map[key] = replaced;
            }
        }

        return null;
    }

    private JsonNode? Reference(JsonObject map, string reference, PartFile file, string pointer, string placed, Site site)
    {
        if (Target(reference, file) is not { } target)
        {
            return null; // local to the main document, or a URL: the reader's
        }

        var at = $"{pointer}/$ref";
        if (target.Problem is { } problem)
        {
            errors.Add(Error(file, at, $"the $ref '{reference}' {problem}", "Write the fragment as a JSON Pointer ('#/components/schemas/Thing'), or refer to the whole file."));
            return null;
        }

        var (part, why) = files.Load(target.Full!);
        if (part is null)
        {
            errors.Add(Error(file, at, $"the $ref '{reference}' {why}", "Correct the path (relative to the file that holds the $ref) or the file it names."));
            return null;
        }

        if (Pointers.Resolve(part.Root, target.Pointer) is { Node: null, Missing: var missing })
        {
            errors.Add(Error(file, at, $"the $ref '{reference}' names nothing in {part.DisplayPath}: {missing}", $"Correct the fragment after '#' to a JSON Pointer to a node of {part.DisplayPath}."));
            return null;
        }

        changed = true;
        if (part == files.Main)
        {
            map["$ref"] = "#" + target.Pointer;
            return null;
        }

        return site == Site.Schema ? Component(map, reference, part, target.Pointer, file, at) : Inline(map, reference, part, target.Pointer, file, at, placed);
    }

    private JsonNode? Inline(JsonObject map, string reference, PartFile part, string pointer, PartFile file, string at, string placed)
    {
        var key = Key(part, pointer);
        if (inlining.Contains(key) || inlining.Count >= MaxInlined)
        {
            var chain = string.Join(" -> ", inlining.Append(key).Select(k => k[(k.IndexOf('|', StringComparison.Ordinal) + 1)..]));
            errors.Add(Error(file, at, inlining.Contains(key) ? $"the $ref '{reference}' comes back to an object it is inside ({chain}), which cannot be inlined into itself" : $"the $ref '{reference}' inlines objects more than {MaxInlined} deep ({chain})", "Break the cycle: an object other than a schema cannot hold itself."));
            return null;
        }

        var target = Pointers.Resolve(part.Root, pointer).Node;
        nodes += Size(target);
        if (nodes > MaxNodes)
        {
            errors.Add(Error(file, at, $"the $ref '{reference}' would take the values inlined from other files past {MaxNodes} (the same objects inlined again and again)", "Refer to fewer copies (a parameter or response shared through components is inlined once for each place it is used), or bundle the document with a tool of its own and import the result."));
            return null;
        }

        inlining.Add(key);
        var copy = Copy(target);
        origins.Add(new Origin(placed, part, pointer));
        var result = Walk(copy, part, pointer, placed, Site.Other) ?? copy;
        inlining.RemoveAt(inlining.Count - 1);
        foreach (var sibling in new[] { "summary", "description" })
        {
            if (result is JsonObject inlined && map[sibling] is { } value)
            {
                inlined[sibling] = value.DeepClone(); // OpenAPI 3.1: a reference's summary and description win
            }
        }

        return result;
    }

    private static JsonNode? Copy(JsonNode? node) => node?.DeepClone();

    /// <summary>How many values <paramref name="node"/> holds, itself among them.</summary>
    private static int Size(JsonNode? node)
    {
        var count = 0;
        var stack = new Stack<JsonNode?>([node]);
        while (stack.TryPop(out var next))
        {
            count++;
            foreach (var child in next switch { JsonObject map => map.Select(e => e.Value), JsonArray list => list, _ => [] })
            {
                stack.Push(child);
            }
        }

        return count;
    }

    private static string Key(PartFile file, string pointer) => $"{file.FullPath}|{file.DisplayPath}#{pointer}";

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
