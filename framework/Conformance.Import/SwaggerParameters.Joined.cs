using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>
/// Swagger 2.0 lists sent joined. A query list joined by commas (<c>csv</c>, also when no <c>collectionFormat</c> is
/// given) is read as exploded (<c>ids=4&amp;ids=5</c>), and a form field's list as exploded whatever its
/// <c>collectionFormat</c> (the form body gets no <c>encoding</c>): each is marked with its format before the document
/// is read and unexploded after, so it goes out joined (<c>ids=4,5</c>; <c>ssv</c> by a space, <c>pipes</c> by <c>|</c>).
/// </summary>
internal static partial class SwaggerParameters
{
    /// <summary>The extension that marks a list sent joined, with its style, until <see cref="Unexplode"/> takes it off.</summary>
    private const string Joined = "x-conformance-joined";

    /// <summary>
    /// The Swagger 2.0 lists marked as sent joined, unexploded (the reader leaves them exploded, as <c>multi</c>): a query
    /// parameter, a form field by an <c>encoding</c> of its style; the mark taken off.
    /// </summary>
    public static void Unexplode(OpenApiDocument document)
    {
        var items = (document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>()).ToList();
        var operations = items.SelectMany(i => i.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).ToList();
        var parameters = items.SelectMany(i => i.Parameters ?? []).Concat(operations.SelectMany(o => o.Parameters ?? []))
            .Concat(document.Components?.Parameters?.Values ?? Enumerable.Empty<IOpenApiParameter>());
        foreach (var parameter in parameters.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query && p.Extensions?.ContainsKey(Joined) == true))
        {
            if (Format(parameter.Extensions![Joined]) != "tsv")
            {
                parameter.Extensions.Remove(Joined); // its style says it; a tab, which none does, stays marked
            }

            parameter.Explode = false;
        }

        foreach (var media in operations.SelectMany(o => o.RequestBody?.Content?.Values.OfType<OpenApiMediaType>() ?? []).Distinct())
        {
            foreach (var (name, field) in media.Schema?.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (field is OpenApiSchema { Extensions: { } marks } && marks.Remove(Joined, out var mark))
                {
                    media.Encoding ??= new Dictionary<string, OpenApiEncoding>();
                    media.Encoding[name] = new OpenApiEncoding
                    {
                        Style = Style(mark),
                        Explode = false,
                        Extensions = Format(mark) == "tsv" ? new Dictionary<string, IOpenApiExtension> { [Joined] = mark } : null,
                    };
                }
            }
        }
    }

    /// <summary>
    /// A query list joined by commas (<c>csv</c>, the default), a form field's list but <c>multi</c>, any list joined by a
    /// tab (<c>tsv</c>, taken off: the reader throws on it): marked with its format for <see cref="Unexplode"/>.
    /// </summary>
    private static bool Mark(JsonObject parameter)
    {
        var format = Text(parameter["collectionFormat"]);
        if (format == "tsv")
        {
            parameter.Remove("collectionFormat");
        }

        var marked = Text(parameter["type"]) == "array" && (Text(parameter["in"]), format) switch
        {
            (_, "tsv") => true,
            ("query", null or "csv") => true,
            ("formData", not "multi") => true,
            _ => false,
        };
        if (marked)
        {
            parameter[Joined] = format ?? "csv";
        }

        return marked || format == "tsv";
    }

    /// <summary>
    /// Each list inside the list (items of <c>type: array</c>) marked with the <c>collectionFormat</c> that joins it (csv
    /// when none is given, as Swagger 2.0 says), taken off; a <c>multi</c> (or unknown) one left out with a note.
    /// </summary>
    private static bool MarkInner(JsonObject parameter, string what, ICollection<string> notes)
    {
        var changed = false;
        string? refused = null;
        for (var items = parameter["items"] as JsonObject; items is not null; items = items["items"] as JsonObject)
        {
            var format = Text(items["collectionFormat"]) ?? "csv";
            changed |= items.Remove("collectionFormat");
            if (Text(items["type"]) != "array" || items.ContainsKey(Joined))
            {
                continue; // not a list, or marked already (a shared parameter put in place of its reference)
            }

            refused ??= Delimiter(format) is null ? format : null;
            items[Joined] = refused is null ? format : "json"; // past a refused one, each list goes out as its JSON text
            changed = true;
        }

        if (refused is not null)
        {
            var why = refused == "multi" ? "which repeats a parameter's name and cannot join a list inside a list" : "which Swagger 2.0 does not define";
            notes.Add($"the items of {what} have collectionFormat: {refused}, {why}: left out, so each inner list is drafted as its JSON text; write it as the API reads it by hand");
        }

        return changed;
    }

    /// <summary>The delimiter of a list marked joined by a format OpenAPI 3 has no style for (<c>tsv</c>), or of a list inside a list; null when it is not marked.</summary>
    public static string? Delimiter(IDictionary<string, IOpenApiExtension>? extensions) =>
        extensions is not null && extensions.TryGetValue(Joined, out var mark) ? Delimiter(Format(mark)) : null;

    private static string? Delimiter(string format) => format switch
    {
        "csv" => ",",
        "ssv" => " ",
        "tsv" => "\t",
        "pipes" => "|",
        _ => null,
    };

    private static ParameterStyle Style(IOpenApiExtension mark) => Format(mark) switch
    {
        "ssv" => ParameterStyle.SpaceDelimited,
        "pipes" => ParameterStyle.PipeDelimited,
        _ => ParameterStyle.Form,
    };

    private static string Format(IOpenApiExtension mark)
    {
        using var text = new StringWriter();
        mark.Write(new OpenApiJsonWriter(text), OpenApiSpecVersion.OpenApi3_0);
        return text.ToString().Trim('"');
    }
}
