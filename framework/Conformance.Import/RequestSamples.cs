using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>
/// An operation's baseline request samples (the JSON body, the parameters) with a note for each thing a person must
/// still write: a value whose <c>pattern</c> no generated text meets, a form field that cannot be flat, and a body that is
/// neither JSON nor a form, which a pack's operation cannot send.
/// </summary>
internal static class RequestSamples
{
    private const string FormType = "application/x-www-form-urlencoded";

    /// <summary>
    /// The request body sample of the first JSON media type, with its schema; else of a form
    /// (application/x-www-form-urlencoded, drafted with <c>bodyType: form</c>); null (and a note when a body of another type is
    /// documented) without either.
    /// </summary>
    public static DraftBody Body(OpenApiOperation operation, string id, IEnumerable<int> codes, List<string> notes, SchemaJudge judge)
    {
        var content = operation.RequestBody?.Content ?? new Dictionary<string, IOpenApiMediaType>();
        var json = content.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase)).Value;
        var form = content.FirstOrDefault(c => c.Key.StartsWith(FormType, StringComparison.OrdinalIgnoreCase)).Value;
        var context = new SampleContext(judge);
        if (json is null && form is not null)
        {
            var sample = Samples.FormBody(form, context);
            if (context.Stopped is not null)
            {
                return new DraftBody(null, form.Schema, Form: true) { Stopped = context.Stopped, MediaType = FormKey(content) }; // CT0403
            }

            var fields = FormSample.Fields(sample, form, id, notes);
            BodyNotes(id, context, notes);
            return new DraftBody(fields, form.Schema, Form: true);
        }

        if (json is null)
        {
            if (content.Count > 0)
            {
                notes.Add(NotSent(id, [.. content.Keys], codes.Where(c => c is >= 200 and < 300).Order().FirstOrDefault(200)));
            }

            return new DraftBody(null, null, Form: false);
        }

        var body = Samples.Body(json, context);
        BodyNotes(id, context, notes);
        return new DraftBody(body, json.Schema, Form: false) { Stopped = context.Stopped, MediaType = content.First(c => c.Value == json).Key };
    }

    private static string FormKey(IDictionary<string, IOpenApiMediaType> content) => content.First(c => c.Key.StartsWith(FormType, StringComparison.OrdinalIgnoreCase)).Key;

    // Header parameters OpenAPI says SHALL be ignored: the request's own Accept, Content-Type and auth say them.
    private static readonly HashSet<string> IgnoredHeaders = new(StringComparer.OrdinalIgnoreCase) { "Accept", "Content-Type", "Authorization" };

    /// <summary>
    /// The samples of the parameters in <paramref name="location"/> (the last one of a name wins); header parameters
    /// named Accept, Content-Type or Authorization are ignored, as OpenAPI says. A query list sent as repeated names
    /// has its first item there and all its items in <paramref name="lists"/>. A parameter past its work budget is listed
    /// in <paramref name="stopped"/> (CT0403) and left out, or drafted as "1" in the path, which needs a value.
    /// </summary>
    public static Dictionary<string, string> Values(List<IOpenApiParameter> parameters, ParameterLocation location, bool requiredOnly, string id, List<string> notes, SchemaJudge judge, List<StoppedParameter> stopped, Dictionary<string, IReadOnlyList<string>>? lists = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in parameters.Where(p => p.In == location && p.Name is not null && (!requiredOnly || p.Required) && !(location == ParameterLocation.Header && IgnoredHeaders.Contains(p.Name))).GroupBy(p => p.Name!, StringComparer.Ordinal).Select(g => g.Last()))
        {
            var context = new SampleContext(judge);
            var value = Samples.Parameter(parameter, context, out var repeated, out var clash);
            lists?.Remove(parameter.Name!);
            if (context.Stopped is { } stop)
            {
                stopped.Add(new StoppedParameter(parameter.Name!, location.ToString().ToLowerInvariant(), stop));
                if (location == ParameterLocation.Path)
                {
                    values[parameter.Name!] = "1";
                }

                continue;
            }

            values[parameter.Name!] = value;
            if (repeated is not null && lists is not null)
            {
                lists[parameter.Name!] = repeated; // a YAML list in the pack's query: the name once per item
            }

            if (clash is not null)
            {
                notes.Add(Samples.ClashNote(parameter, id, clash));
            }

            if (values[parameter.Name!] is ['{', .., '}'] json)
            {
                // deepObject (name[key]=value) or an exploded form object (key=value) has no place in a pack's query: one value per name.
                notes.Add($"{location.ToString().ToLowerInvariant()} parameter '{parameter.Name}' of {id} is an object (style {(parameter.Style?.ToString() ?? "form").ToLowerInvariant()}), which a pack's query sends as one value: "
                    + $"drafted as its JSON text {json}, which the API may not read: write the fields it takes as query keys by hand");
            }

            notes.AddRange(context.Places().Select(p => Unmet($"the sample of {location.ToString().ToLowerInvariant()} parameter '{parameter.Name}' of {id}{(p.Unmet.Pointer.Length > 0 && p.Alike > 0 ? " at " + p.Unmet.Pointer : string.Empty)}{Alike(p.Alike)}", p.Unmet)));
        }

        return values;
    }

    /// <summary>A note for each required cookie parameter: an operation of a pack sends no cookie of its own.</summary>
    public static void CookieNotes(List<IOpenApiParameter> parameters, string id, List<string> notes) =>
        notes.AddRange(parameters.Where(p => p.In == ParameterLocation.Cookie && p.Required && p.Name is not null).Select(p => p.Name).Distinct(StringComparer.Ordinal)
            .Select(n => $"required cookie parameter '{n}' of {id} is not drafted (an operation of a pack sends no cookie of its own): send it with a Cookie header in headers: of {id}, or with auth's cookie if it is the credential"));

    /// <summary>A note for each place of the body sample that misses its schema (the items of a list that miss alike, one).</summary>
    private static void BodyNotes(string id, SampleContext context, List<string> notes) =>
        notes.AddRange(context.Places().Select(p => Unmet($"the request body sample of {id}{(p.Unmet.Pointer.Length > 0 ? " at " + p.Unmet.Pointer : string.Empty)}{Alike(p.Alike)}", p.Unmet)));

    private static string Alike(int alike) => alike == 0 ? string.Empty : $" (and the {alike} items after it, drafted alike)";

    private static string Unmet(string what, Unmet unmet) => unmet switch
    {
        UnmetPattern { Format: { } format } p => $"{what} must match pattern '{p.Pattern}' (within its minLength and maxLength) and be a valid '{format}' (its format), and the importer could not generate such a text: \"{p.Drafted}\" was drafted, write a matching value there by hand",
        UnmetPattern p => $"{what} must match pattern '{p.Pattern}' (within its minLength and maxLength), and the importer could not generate such a text: \"{p.Drafted}\" was drafted, write a matching value there by hand",
        UnmetSchema s => $"{what} does not meet its schema ({string.Join("; ", s.Messages)}), and the importer could not draft a value that does: {s.Drafted} was drafted, write a valid value there by hand",
        _ => throw new ArgumentOutOfRangeException(nameof(unmet)),
    };

    /// <summary>
    /// The note for a body documented only in media types a pack's operation cannot send (neither JSON nor a form):
    /// which, what the drafted rows do, and the <c>custom</c> row that sends it.
    /// </summary>
    private static string NotSent(string id, List<string> types, int success)
    {
        var start = $"the request body of {id} is documented only as {string.Join(" or ", types)}, which an operation of a pack cannot send (its body goes out as JSON, or as a form with bodyType: form): the drafted rows of {id} send no body. ";
        if (types.Exists(t => t.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)))
        {
            return start + $"Replace its valid row by a custom row whose body is the multipart text (each part with its Content-Disposition header, \\r\\n line ends, the closing boundary) and whose contentType is \"multipart/form-data; boundary=<that boundary>\", expecting {success}";
        }

        return start + $"Replace its valid row by a custom row whose body is the text to send and whose contentType is {types[0]}, expecting {success}";
    }
}

/// <summary>A drafted request body: its sample, its schema, and whether it goes out as a form (<c>bodyType: form</c>).</summary>
internal sealed record DraftBody(JsonNode? Body, IOpenApiSchema? Schema, bool Form)
{
    /// <summary>Where drafting the body stopped, its budget spent (the body is then null), else null.</summary>
    public SampleStop? Stopped { get; init; }

    /// <summary>The media type of the content drafted.</summary>
    public string MediaType { get; init; } = string.Empty;
}

/// <summary>A parameter (its name, and where: path, query, header) whose drafting stopped at <paramref name="Stop"/>, its work budget spent.</summary>
internal sealed record StoppedParameter(string Name, string In, SampleStop Stop);
