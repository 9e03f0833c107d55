using Conformance.Diagnostics;
using Conformance.Import.Bundling;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Conformance.Import;

/// <summary>
/// Reads an OpenAPI 3.0 or 3.1 document (JSON or YAML), or a Swagger 2.0 one (the files it refers to by relative path
/// bundled into it first, <see cref="Bundler"/>; its parameters made readable, <see cref="SwaggerParameters"/>): every error reading it is a CT0401 (<see cref="ReaderErrors"/>), each once (also one
/// the reader gives for a shared parameter and again where it is used, at another pointer but the same place); a finding
/// of the reader's validation rules (a duplicate path signature, a discriminator property not required) is a note, and
/// the draft goes on.
/// </summary>
internal static class OpenApiSource
{
    public static async Task<(OpenApiDocument? Document, IReadOnlyList<Diagnostic> Errors, IReadOnlyList<string> Notes)> LoadAsync(string path, string displayPath)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var places = new DocumentPlaces(path, displayPath);
        IReadOnlyList<Origin> origins = [];
        var format = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "json" : "yaml";
        var normalising = new List<string>();
        string text;
        string? normalised;
        string? swagger;
        ReadResult result;
        try
        {
            var bytes = await File.ReadAllBytesAsync(path).ConfigureAwait(false);
            if (DocumentEncoding.Check(bytes, format == "json", displayPath) is { } encoding)
            {
                return (null, [encoding], []);
            }

            using (var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true))
            {
                text = await reader.ReadToEndAsync().ConfigureAwait(false); // as File.ReadAllText reads it: UTF-8, or by its byte order mark
            }

            var bundled = Bundler.Bundle(path, displayPath, text, format == "json", out var unfollowed, out origins);
            if (unfollowed.Count > 0)
            {
                return (null, unfollowed, []);
            }

            swagger = SwaggerParameters.Normalised(bundled ?? text, bundled is not null || format == "json", normalising);
            normalised = swagger ?? bundled;
            normalised = RawConsts.Prepared(normalised ?? text, normalised is not null || format == "json") ?? normalised;
            await using Stream stream = new MemoryStream(normalised is null ? bytes : System.Text.Encoding.UTF8.GetBytes(normalised));
            result = await OpenApiDocument.LoadAsync(stream, normalised is null ? format : "json", settings).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException or NotSupportedException or InvalidOperationException or System.Text.Json.JsonException or OpenApiException or OpenApiUnsupportedSpecVersionException)
        {
            return (null, ReaderErrors.From(places, e, origins, Parts(origins)), []);
        }

        var notes = RuleFindings(result).Concat(normalising).ToList();
        var errors = (result.Diagnostic?.Errors ?? []).Where(e => e is not OpenApiValidatorError).Select(e => ReaderErrors.From(places, e, origins, Parts(origins))).DistinctBy(ReaderErrors.Sameness).ToList();
        if (result.Document is null && errors.Count == 0)
        {
            errors.Add(ReaderErrors.At(places, "the document is not OpenAPI 3.x"));
        }
        else if (result.Document is { } document && errors.Count == 0 && (document.Paths is null || !document.Paths.Values.Any(p => p.Operations?.Count > 0)))
        {
            errors.Add(ReaderErrors.At(places, "the document has no operation under 'paths'"));
        }
        else if (result.Document is { } only && errors.Count == 0 && !only.Paths!.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).Any(o => o.Responses?.Keys.Any(k => !k.Equals("default", StringComparison.OrdinalIgnoreCase)) == true))
        {
            errors.Add(ReaderErrors.At(places, "the document's operations document no response status code (only default), and a pack's statuses list at least one at #/paths", "#/paths"));
        }

        if (errors.Count == 0 && result.Document is { } read)
        {
            if (read.Info is not null && RawBounds.Tightened(normalised ?? text, normalised is not null || format == "json") is { } tightened)
            {
                // Read again with the weaker of two bounds dropped (the reader keeps only the exclusive one): same document otherwise.
                using var again = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(tightened));
                var reread = await OpenApiDocument.LoadAsync(again, "json", settings).ConfigureAwait(false);
                result = reread.Document is not null && !(reread.Diagnostic?.Errors ?? []).Any(e => e is not OpenApiValidatorError) ? reread : result;
            }

            if (swagger is not null)
            {
                SwaggerParameters.Unexplode(result.Document!);
            }

            errors.AddRange(ReferenceCycles(result.Document!).Select(e => ReaderErrors.At(places, e.Message, e.Pointer)));
        }

        return (errors.Count == 0 ? result.Document : null, errors, notes);
    }

    /// <summary>The places in each file a bundled document came from, each file read once.</summary>
    private static Func<PartFile, DocumentPlaces> Parts(IReadOnlyList<Origin> origins)
    {
        var places = origins.Select(o => o.File).Distinct().ToDictionary(f => f, f => new DocumentPlaces(f.FullPath, f.DisplayPath));
        return file => places[file];
    }

    /// <summary>What the reader's validation rules find: advice about the document, not a reason to refuse it.</summary>
    private static IEnumerable<string> RuleFindings(ReadResult result) =>
        (result.Diagnostic?.Errors ?? []).OfType<OpenApiValidatorError>()
            .Select(e => $"the reader's rule {e.RuleName} finds: {e.Message.TrimEnd('.')} at {(string.IsNullOrEmpty(e.Pointer) ? "#" : e.Pointer)} (not a parse error: drafted anyway)");

    /// <summary>
    /// Each component schema that is only a reference coming back to itself (<c>A: {$ref: A}</c>, or through others): it
    /// names no schema, and the reader throws on resolving it.
    /// </summary>
    private static IEnumerable<(string Message, string Pointer)> ReferenceCycles(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var (name, schema) in schemas)
        {
            var chain = new List<string> { name };
            var current = schema;
            while (current is OpenApiSchemaReference reference && reference.Reference.Id is { } id && schemas.TryGetValue(id, out var next) && !chain.Contains(id, StringComparer.Ordinal))
            {
                chain.Add(id);
                current = next;
            }

            if (current is OpenApiSchemaReference { Reference.Id: { } back } && back == name)
            {
                var pointer = $"#/components/schemas/{name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";
                yield return ($"Component schema '{name}' is only a reference that comes back to itself ({string.Join(" -> ", chain)} -> {name}), so it names no schema at #/components/schemas/{name}", pointer);
            }
        }
    }
}
