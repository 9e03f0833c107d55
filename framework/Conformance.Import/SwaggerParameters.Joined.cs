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
            parameter.Extensions!.Remove(Joined);
            parameter.Explode = false;
        }

        foreach (var media in operations.SelectMany(o => o.RequestBody?.Content?.Values.OfType<OpenApiMediaType>() ?? []).Distinct())
        {
            foreach (var (name, field) in media.Schema?.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (field is OpenApiSchema { Extensions: { } marks } && marks.Remove(Joined, out var mark))
                {
                    var style = Style(mark);
                    media.Encoding ??= new Dictionary<string, OpenApiEncoding>();
                    media.Encoding[name] = new OpenApiEncoding { Style = style, Explode = false };
                }
            }
        }
    }

    /// <summary>A query list joined by commas (<c>csv</c>, the default), a form field's list but <c>multi</c>: marked with its style for <see cref="Unexplode"/>.</summary>
    private static bool Mark(JsonObject parameter)
    {
        var format = Text(parameter["collectionFormat"]);
        var marked = Text(parameter["type"]) == "array" && (Text(parameter["in"]), format) switch
        {
            ("query", null or "csv") => true,
            ("formData", not "multi") => true,
            _ => false,
        };
        if (marked)
        {
            parameter[Joined] = format ?? "csv";
        }

        return marked;
    }

    private static ParameterStyle Style(IOpenApiExtension mark)
    {
        using var text = new StringWriter();
        mark.Write(new OpenApiJsonWriter(text), OpenApiSpecVersion.OpenApi3_0);
        return text.ToString().Trim('"') switch
        {
            "ssv" => ParameterStyle.SpaceDelimited,
            "pipes" => ParameterStyle.PipeDelimited,
            _ => ParameterStyle.Form,
        };
    }
}
