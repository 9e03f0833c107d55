using System.Globalization;
using Conformance.Schema.Json;

namespace Conformance.Schema.Loading;

/// <summary>Parse, check against the metaschema, index identifiers and compile: the steps behind <see cref="JsonSchema.Parse"/>.</summary>
internal static class SchemaLoader
{
    private const string AnonymousBase = "https://conformance.invalid/schema.json";

    public static SchemaLoadResult Load(string json, string? sourcePath, SchemaOptions options, SchemaRegistry? registry, Uri? baseUri)
    {
        registry ??= new SchemaRegistry(options);
        var baseText = baseUri?.OriginalString
            ?? (sourcePath is null ? AnonymousBase : UriUtil.FileUri(sourcePath));
        var document = SchemaDocument.Create(baseText, json, sourcePath ?? "<schema>");
        if (document.Error is { } error)
        {
            return new SchemaLoadResult(null, [InvalidJson(document, error)]);
        }

        var diagnostics = new Diagnostics();
        var dialects = new DialectResolver(registry, DialectInfo.Of(options.DefaultDialect));
        var dialect = dialects.OfDocument(document) ?? dialects.Default;
        if (options.ValidateAgainstMetaschema)
        {
            CheckMetaschema(document, dialect.Dialect, diagnostics);
        }

        var index = new SchemaIndex(registry, dialects);
        index.AddDocument(document, dialect);
        var compiler = new Compiler(index, options, diagnostics);
        var root = compiler.Node(new Location(document, string.Empty));
        compiler.Drain();
        if (diagnostics.Count > 0)
        {
            return new SchemaLoadResult(null, diagnostics.Sorted());
        }

        var uri = new Uri(root.Resource.Uri, UriKind.RelativeOrAbsolute);
        return new SchemaLoadResult(new JsonSchema(root, options, compiler.UsesUnevaluated, uri), []);
    }

    /// <summary>
    /// Loads several schemas in one session: a document that many of them reference is compiled once, not once per
    /// schema (a chain of 1,500 linked schemas compiled quadratically). Each result carries the problems of every
    /// document its schema reaches, as a load of its own would.
    /// </summary>
    public static IReadOnlyList<SchemaLoadResult> LoadAll(IReadOnlyList<(string Json, string SourcePath, Uri BaseUri)> inputs, SchemaOptions options, SchemaRegistry registry)
    {
        var diagnostics = new Diagnostics();
        var dialects = new DialectResolver(registry, DialectInfo.Of(options.DefaultDialect));
        var index = new SchemaIndex(registry, dialects);
        var documents = inputs.Select(i => SchemaDocument.Create(i.BaseUri.OriginalString, i.Json, i.SourcePath)).ToList();

        // Every root is indexed before anything compiles, so a reference to one finds it rather than a second copy.
        foreach (var document in documents.Where(d => d.Error is null))
        {
            var dialect = dialects.OfDocument(document) ?? dialects.Default;
            if (options.ValidateAgainstMetaschema)
            {
                CheckMetaschema(document, dialect.Dialect, diagnostics);
            }

            index.AddDocument(document, dialect);
        }

        // Annotations are tracked for all when one uses unevaluated*: compile-time shortcuts must not depend on load order.
        var compiler = new Compiler(index, options, diagnostics) { UsesUnevaluated = inputs.Any(i => i.Json.Contains("unevaluated", StringComparison.Ordinal)) };
        var roots = documents.Select(d => d.Error is null ? compiler.Node(new Location(d, string.Empty)) : null).ToList();
        compiler.Drain();
        var all = diagnostics.Sorted();
        return documents.Select((document, i) =>
        {
            if (document.Error is { } error)
            {
                return new SchemaLoadResult(null, [InvalidJson(document, error)]);
            }

            var reached = Reached(document, compiler.References).Select(d => d.SourcePath).ToHashSet(StringComparer.Ordinal);
            var own = all.Where(d => reached.Contains(d.Path)).ToList();
            return own.Count > 0
                ? new SchemaLoadResult(null, own)
                : new SchemaLoadResult(new JsonSchema(roots[i]!, options, compiler.UsesUnevaluated, new Uri(roots[i]!.Resource.Uri, UriKind.RelativeOrAbsolute)), []);
        }).ToList();
    }

    private static HashSet<SchemaDocument> Reached(SchemaDocument start, Dictionary<SchemaDocument, HashSet<SchemaDocument>> references)
    {
        var seen = new HashSet<SchemaDocument> { start };
        var queue = new Queue<SchemaDocument>([start]);
        while (queue.TryDequeue(out var document))
        {
            foreach (var next in references.GetValueOrDefault(document) ?? [])
            {
                if (seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return seen;
    }

    private static SchemaDiagnostic InvalidJson(SchemaDocument document, System.Text.Json.JsonException error)
    {
        var line = (int)(error.LineNumber ?? 0) + 1;
        var column = (int)(error.BytePositionInLine ?? 0) + 1;
        var reason = Reason(error.Message);
        return new SchemaDiagnostic(SchemaErrorCodes.InvalidJson, document.SourcePath, line, column, "the schema is not valid JSON",
            reason, "correct the JSON syntax at this position");
    }

    /// <summary>The reader's reason for a person: without its zero-based position (the diagnostic has it) and option advice.</summary>
    private static string Reason(string message)
    {
        foreach (var marker in (string[])[" Path:", " LineNumber:"])
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            message = cut > 0 ? message[..cut] : message;
        }

        message = message.TrimEnd('.', ' ');
        return message.StartsWith("The JSON object contains a trailing comma", StringComparison.Ordinal) ? "the object has a comma after its last member, which JSON does not allow"
            : message.StartsWith("The JSON array contains a trailing comma", StringComparison.Ordinal) ? "the array has a comma after its last item, which JSON does not allow"
            : message.StartsWith("The input does not contain any JSON tokens", StringComparison.Ordinal) ? "the file holds no JSON value (it is empty or only white space)"
            : message;
    }

    private static void CheckMetaschema(SchemaDocument document, Dialect dialect, Diagnostics diagnostics)
    {
        var metaschema = Metaschemas.For(dialect);
        if (metaschema is null)
        {
            return;
        }

        var result = metaschema.Validate(document.Root);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var error in result.Errors)
        {
            // One diagnostic per offending node: the first concrete failure, not the anyOf/oneOf summary.
            if ((error.Keyword is "anyOf" or "oneOf" && result.Errors.Count > 1) || !reported.Add(error.InstanceLocation))
            {
                continue;
            }

            var (line, column) = document.Positions.Value(error.InstanceLocation);
            var at = error.InstanceLocation.Length == 0 ? "the root" : error.InstanceLocation;
            diagnostics.Add(new SchemaDiagnostic(SchemaErrorCodes.MetaschemaViolation, document.SourcePath, line, column,
                string.Create(CultureInfo.InvariantCulture, $"invalid schema at {at}"), error.Message,
                $"make the value conform to the {DialectNames.Of(dialect)} metaschema ({error.AbsoluteKeywordLocation})"));
        }
    }

    public static string Describe(System.Text.Json.JsonElement value) => ValueText.Show(value);
}
