using Conformance.Diagnostics;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Conformance.Import;

/// <summary>
/// Reads an OpenAPI 3.0 or 3.1 document (JSON or YAML): every error reading it is a CT0401; a finding of the reader's
/// validation rules (a duplicate path signature, a discriminator property not required) is a note, and the draft goes on.
/// </summary>
internal static partial class OpenApiSource
{
    public static async Task<(OpenApiDocument? Document, IReadOnlyList<Diagnostic> Errors, IReadOnlyList<string> Notes)> LoadAsync(string path, string displayPath)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var places = new DocumentPlaces(path, displayPath);
        var format = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "json" : "yaml";
        ReadResult result;
        try
        {
            await using var stream = File.OpenRead(path);
            result = await OpenApiDocument.LoadAsync(stream, format, settings).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException or System.Text.Json.JsonException or OpenApiException or OpenApiUnsupportedSpecVersionException)
        {
            return (null, [Error(places, $"the document could not be read ({e.Message.TrimEnd('.')})")], []);
        }

        var notes = RuleFindings(result).ToList();
        var errors = (result.Diagnostic?.Errors ?? []).Where(e => e is not OpenApiValidatorError).Select(e => Error(places, $"{e.Message.TrimEnd('.')} at {(string.IsNullOrEmpty(e.Pointer) ? "#" : e.Pointer)}", e.Pointer)).ToList();
        if (result.Document is null && errors.Count == 0)
        {
            errors.Add(Error(places, "the document is not OpenAPI 3.x"));
        }
        else if (result.Document is { } document && errors.Count == 0 && (document.Paths is null || !document.Paths.Values.Any(p => p.Operations?.Count > 0)))
        {
            errors.Add(Error(places, "the document has no operation under 'paths'"));
        }
        else if (result.Document is { } only && errors.Count == 0 && !only.Paths!.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).Any(o => o.Responses?.Keys.Any(k => !k.Equals("default", StringComparison.OrdinalIgnoreCase)) == true))
        {
            errors.Add(Error(places, "the document's operations document no response status code (only default), and a pack's statuses list at least one at #/paths", "#/paths"));
        }

        if (errors.Count == 0 && result.Document is { } read)
        {
            if (read.Info is not null && RawBounds.Tightened(await File.ReadAllTextAsync(path).ConfigureAwait(false), format == "json") is { } tightened)
            {
                // Read again with the weaker of two bounds dropped (the reader keeps only the exclusive one): same document otherwise.
                using var again = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(tightened));
                var reread = await OpenApiDocument.LoadAsync(again, "json", settings).ConfigureAwait(false);
                result = reread.Document is not null && !(reread.Diagnostic?.Errors ?? []).Any(e => e is not OpenApiValidatorError) ? reread : result;
            }

            errors.AddRange(ReferenceCycles(result.Document!).Select(e => Error(places, e.Message, e.Pointer)));
        }

        return (errors.Count == 0 ? result.Document : null, errors, notes);
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

    /// <summary>
    /// A CT0401 at the line and column the reader's message names (YAML syntax errors do), else at the node of the
    /// document its JSON Pointer names (<paramref name="pointer"/>: a response schema, a parameter; in an OpenAPI 3.x
    /// or Swagger 2.0 document alike), else at the file's start.
    /// </summary>
    private static Diagnostic Error(DocumentPlaces places, string what, string? pointer = null)
    {
        var at = LineAndColumn().Match(what);
        var location = at.Success ? new SourceLocation(places.DisplayPath, int.Parse(at.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(at.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))
            : pointer is { Length: > 0 } ? places.Locate(pointer) : SourceLocation.FileStart(places.DisplayPath);
        return new(ErrorCodes.OpenApiUnreadable.Code, location, what, "a pack is drafted only from a readable OpenAPI 3.x document with operations", ErrorCodes.OpenApiUnreadable.Fix);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bline (\d+), column (\d+)")]
    private static partial System.Text.RegularExpressions.Regex LineAndColumn();
}
