using Conformance.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Conformance.Import;

/// <summary>
/// Where a request body's schema or a parameter is in the text of an OpenAPI document (JSON or YAML, OpenAPI 3.x or
/// Swagger 2.0), as a <c>path(line,col)</c>: the OpenAPI reader keeps no positions, and converts Swagger 2.0 (a body is
/// an <c>in: body</c> parameter there, a form its <c>in: formData</c> ones), so the text is read (once, when a message
/// needs a place) and searched as the document writes it, local <c>$ref</c>s followed. Where a node is missing, the
/// nearest enclosing one; the file's start when the text cannot be read.
/// </summary>
internal sealed partial class DocumentPlaces(string file, string displayPath)
{
    /// <summary>How many <c>$ref</c>s in a row are followed (a loop of references ends there).</summary>
    private const int MaxHops = 16;

    /// <summary>How many levels of mappings and lists the OpenAPI reader's YAML reader reads (its JSON reader one more).</summary>
    public const int YamlDepth = 63;

    /// <summary>How deep the text is loaded for places: YamlStream recurses once a level.</summary>
    private const int LoadDepth = 1000;

    private YamlNode? root;
    private bool read;

    /// <summary>The document's path as messages name it.</summary>
    public string DisplayPath => displayPath;

    /// <summary>
    /// The schema of the request body of <paramref name="method"/> <paramref name="path"/> in <paramref name="mediaType"/>;
    /// in Swagger 2.0 the body parameter's schema, or for a form the formData parameter <paramref name="stop"/> (a JSON
    /// Pointer into the body) starts in.
    /// </summary>
    public SourceLocation RequestBody(string path, string method, string mediaType, string stop)
    {
        var item = Child(Child(Root(), "paths"), path);
        var operation = Child(item, method.ToLowerInvariant());
        if (Child(Root(), "swagger") is not null)
        {
            var tokens = Tables.JsonPointer.Tokens(stop);
            var field = tokens.Count > 0 ? tokens[0] : null;
            var found = mediaType.Contains("json", StringComparison.OrdinalIgnoreCase)
                ? Child(Parameters(operation, item).FirstOrDefault(p => Text(p, "in") == "body"), "schema")
                : Parameters(operation, item).Where(p => Text(p, "in") == "formData").OrderBy(p => Text(p, "name") == field ? 0 : 1).FirstOrDefault();
            return Location(found ?? operation ?? item);
        }

        var body = Resolve(Child(operation, "requestBody"));
        var media = Child(Child(body, "content"), mediaType);
        return Location(Child(media, "schema") ?? media ?? body ?? operation ?? item);
    }

    /// <summary>The parameter <paramref name="name"/> in <paramref name="location"/> (path, query, header) of the operation, else of its path item; a referenced one at its component.</summary>
    public SourceLocation Parameter(string path, string method, string name, string location)
    {
        var item = Child(Child(Root(), "paths"), path);
        var operation = Child(item, method.ToLowerInvariant());
        return Location(Parameters(operation, item).FirstOrDefault(p => Text(p, "name") == name && Text(p, "in") == location) ?? operation ?? item);
    }

    /// <summary>
    /// The node a JSON Pointer (<c>#/paths/~1things/get/responses/404/schema</c>, as the reader's errors give it, in the
    /// document's own terms) names, else its nearest ancestor the text holds; the file's start for another kind of place.
    /// The reader leaves out a list's index (<c>.../get/parameters/schema/enum</c>): the item the rest of the pointer
    /// goes farthest into is taken.
    /// </summary>
    public SourceLocation Locate(string pointer) =>
        pointer.StartsWith("#/", StringComparison.Ordinal) || pointer.StartsWith('/')
            ? Location(Farthest(Root(), Tables.JsonPointer.Tokens(pointer.TrimStart('#')), 0).Node)
            : SourceLocation.FileStart(displayPath);

    /// <summary>The deepest node <paramref name="tokens"/> from <paramref name="at"/> reach from <paramref name="node"/>, and how far they got.</summary>
    private static (YamlNode? Node, int Reached) Farthest(YamlNode? node, IReadOnlyList<string> tokens, int at)
    {
        if (at == tokens.Count || node is null)
        {
            return (node, at);
        }

        if (Step(node, tokens[at]) is { } next)
        {
            return Farthest(next, tokens, at + 1);
        }

        (YamlNode? Node, int Reached) best = (node, at);
        foreach (var item in node is YamlSequenceNode list && !int.TryParse(tokens[at], out _) ? list.Children : [])
        {
            var tried = Farthest(item, tokens, at);
            best = tried.Reached > best.Reached ? tried : best;
        }

        return best;
    }

    /// <summary>The operation's parameters, then its path item's, each with its <c>$ref</c> followed.</summary>
    private IEnumerable<YamlNode> Parameters(YamlNode? operation, YamlNode? item) =>
        new[] { operation, item }.Select(n => Child(n, "parameters")).OfType<YamlSequenceNode>().SelectMany(list => list.Children).Select(Resolve).OfType<YamlNode>();

    private YamlNode? Resolve(YamlNode? node)
    {
        for (var hop = 0; hop < MaxHops && Child(node, "$ref") is YamlScalarNode { Value: ['#', ..] reference }; hop++)
        {
            if (At(reference[1..]) is not { } target)
            {
                break;
            }

            node = target;
        }

        return node;
    }

    private YamlNode? At(string pointer)
    {
        var node = Root();
        foreach (var token in Tables.JsonPointer.Tokens(pointer))
        {
            node = Step(node, token);
        }

        return node;
    }

    private static YamlNode? Step(YamlNode? node, string token) => node switch
    {
        YamlMappingNode => Child(node, token),
        YamlSequenceNode list when int.TryParse(token, out var i) && i >= 0 && i < list.Children.Count => list.Children[i],
        _ => null,
    };

    private YamlNode? Root()
    {
        if (!read)
        {
            read = true;
            try
            {
                if (FirstTooDeep(LoadDepth) is null) // a document nested past it is not loaded whole
                {
                    using var reader = File.OpenText(file);
                    var stream = new YamlStream();
                    stream.Load(reader);
                    root = stream.Documents.FirstOrDefault()?.RootNode;
                }
            }
            catch (Exception e) when (e is YamlException or IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
            {
                root = null;
            }
        }

        return root;
    }

    /// <summary>The first mapping or list inside <see cref="YamlDepth"/> others, or null.</summary>
    public SourceLocation? Deeper() => FirstTooDeep(YamlDepth);

    /// <summary>The first mapping or list of the text <paramref name="reader"/> reads inside <see cref="YamlDepth"/> others, or null.</summary>
    public static SourceLocation? Deeper(TextReader reader, string displayPath) => FirstTooDeep(reader, YamlDepth, displayPath);

    private SourceLocation? FirstTooDeep(int limit)
    {
        using var reader = File.OpenText(file);
        return FirstTooDeep(reader, limit, displayPath);
    }

    /// <summary>The first mapping or list inside <paramref name="limit"/> others, or null; read event by event, without recursion.</summary>
    private static SourceLocation? FirstTooDeep(TextReader reader, int limit, string displayPath)
    {
        var parser = new Parser(reader);
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart when ++depth > limit:
                    return new SourceLocation(displayPath, (int)parser.Current.Start.Line, (int)parser.Current.Start.Column);
                case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                    depth--;
                    break;
            }
        }

        return null;
    }

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode map ? map.Children.FirstOrDefault(c => c.Key is YamlScalarNode k && k.Value == key).Value : null;

    private static string? Text(YamlNode? node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    private SourceLocation Location(YamlNode? node) =>
        node is null ? SourceLocation.FileStart(displayPath) : new SourceLocation(displayPath, (int)node.Start.Line, (int)node.Start.Column);
}
