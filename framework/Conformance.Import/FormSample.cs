using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Probing;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>
/// A form body sample as a pack writes it (<c>bodyType: form</c>): a flat object of strings, numbers and booleans, a list
/// of them repeating the name. A field the media type's <c>encoding</c> sends as JSON (<c>contentType: application/json</c>)
/// is its JSON text; <c>style: deepObject</c> spreads an object into <c>name[key]</c> fields; <c>explode: false</c> joins a
/// list (or an object's keys and values) with the style's delimiter. Any other field whose sample nests, or is null, is
/// left out, with a note. An example written as form text (<c>a=1&amp;b=2</c>) is read as its fields.
/// </summary>
internal static class FormSample
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The form fields of <paramref name="sample"/>, drafted for <paramref name="form"/>; none, with a note, when it names no field.</summary>
    public static JsonObject Fields(JsonNode? sample, IOpenApiMediaType form, string id, List<string> notes)
    {
        var encoding = form.Encoding;
        if (sample is JsonValue value && value.TryGetValue<string>(out var text) && FormEncoding.IsFormBody(text, null))
        {
            return Decoded(text);
        }

        if (sample is not JsonObject fields)
        {
            notes.Add($"the form body of {id} names no field (neither an object schema nor an example of its name=value pairs): drafted with bodyType: form and an empty body; "
                + "write the fields the API expects into its body (name: value), or its valid row sends an empty form");
            return [];
        }

        var flat = new JsonObject();
        var required = AllOfSchema.Required(form.Schema);
        foreach (var (name, drafted) in fields)
        {
            var how = encoding is not null && encoding.TryGetValue(name, out var given) ? given : null;
            var field = Samples.InnerJoined(drafted, form.Schema?.Properties is { } properties && properties.TryGetValue(name, out var schema) ? schema : null);
            if (Empty(field) && !AsJson(how))
            {
                // No pair goes out for it (or, joined, one empty value): absent, which a required field must not be.
                if (required.Contains(name, StringComparer.Ordinal))
                {
                    var kind = field switch { JsonArray => "an empty list", JsonObject { Count: 0 } => "an empty object", _ => "an object holding only empty objects or lists" };
                    notes.Add($"the form body sample of {id} has required field '{name}' whose sample is {kind}, which a form sends as no field at all (or, with explode: false, as one empty {(field is JsonArray ? "item" : "value")}): "
                        + $"the field was left out of the drafted body; if the API takes it empty, send it by hand as it reads it (e.g. {name}=)");
                }
            }
            else if (!Add(flat, name, field, how))
            {
                var kind = field switch { null => "null", JsonObject => "an object", _ => "a list holding objects, lists or null" };
                notes.Add($"the form body sample of {id} has field '{name}' whose sample is {kind}, which a form field cannot carry: the field was left out of the drafted body; "
                    + "if the API reads it flattened (e.g. address[city]=Berlin), add those fields to the body by hand");
            }
            else if (how is { Style: { } style, Explode: false } && Delimiter(how) is { } delimiter && Items(field)?.Select(Text).FirstOrDefault(t => t.Contains(delimiter, StringComparison.Ordinal)) is { } clash)
            {
                var (by, named) = delimiter == "\t" ? ("a tab", "collectionFormat: tsv") : ($"'{delimiter}'", $"style {StyleName(style)}, explode: false");
                notes.Add($"the form body sample of {id} has field '{name}' sent with its items joined by {by} ({named}), and an item holds {by} itself (\"{clash.Replace("\t", "\\t", StringComparison.Ordinal)}\"), "
                    + $"so the API reads more items than were drafted: write items without {by} there by hand");
            }
        }

        return flat;
    }

    /// <summary>True for a value no form pair carries: an empty list, an object of such values only (<c>{}</c>, <c>{"inner":{}}</c>).</summary>
    private static bool Empty(JsonNode? value) => value is JsonArray { Count: 0 } || (value is JsonObject members && members.All(m => Empty(m.Value)));

    /// <summary>True when the field goes out as its JSON text (<c>contentType: application/json</c>, no style).</summary>
    private static bool AsJson(OpenApiEncoding? encoding) =>
        encoding is not ({ Style: not null } or { Explode: true }) && encoding?.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;

    private static string StyleName(ParameterStyle style) => style switch
    {
        ParameterStyle.SpaceDelimited => "spaceDelimited",
        ParameterStyle.PipeDelimited => "pipeDelimited",
        _ => "form",
    };

    /// <summary>Adds field <paramref name="name"/> as <paramref name="encoding"/> serializes it; false when a form field cannot carry it.</summary>
    private static bool Add(JsonObject flat, string name, JsonNode? value, OpenApiEncoding? encoding)
    {
        // OpenAPI: where style or explode is given, contentType is ignored. The reader gives explode as style form implies
        // (true) when a style is written, and false when none is, whether written or not: without a style, only an
        // explode of true is certain, and that is a form's default.
        if (encoding is { Style: not null } or { Explode: true })
        {
            return encoding.Style == ParameterStyle.DeepObject && value is JsonObject members
                ? Spread(flat, name, members, encoding)
                : encoding.Explode == false && Delimiter(encoding) is { } delimiter && Joined(value, delimiter) is { } joined
                    ? Put(flat, name, joined)
                    : Put(flat, name, value);
        }

        return AsJson(encoding)
            ? Put(flat, name, value is null ? "null" : value.ToJsonString(Json))
            : Put(flat, name, value);
    }

    /// <summary>An object's members as <c>name[key]</c> fields (a nested one as <c>name[key][inner]</c>): all of them, or none.</summary>
    private static bool Spread(JsonObject flat, string name, JsonObject members, OpenApiEncoding encoding)
    {
        var spread = new JsonObject();
        if (!members.All(m => Add(spread, $"{name}[{m.Key}]", m.Value, encoding)))
        {
            return false;
        }

        foreach (var (field, value) in spread)
        {
            flat[field] = value?.DeepClone();
        }

        return true;
    }

    private static bool Put(JsonObject flat, string name, JsonNode? value)
    {
        if (!IsScalar(value) && !(value is JsonArray list && list.All(IsScalar)))
        {
            return false;
        }

        flat[name] = value!.DeepClone();
        return true;
    }

    /// <summary>The delimiter of a style whose <c>explode: false</c> sends a list as one value (a tab for a Swagger 2.0 <c>tsv</c> list).</summary>
    private static string? Delimiter(OpenApiEncoding encoding) => SwaggerParameters.Delimiter(encoding.Extensions) ?? encoding.Style switch
    {
        null or ParameterStyle.Form => ",",
        ParameterStyle.SpaceDelimited => " ",
        ParameterStyle.PipeDelimited => "|",
        _ => null,
    };

    /// <summary>A list of scalars (an object of scalars as key, value, ...) joined by <paramref name="delimiter"/>, or null.</summary>
    private static string? Joined(JsonNode? value, string delimiter) =>
        Items(value) is { } items && items.All(IsScalar) ? string.Join(delimiter, items.Select(Text)) : null;

    /// <summary>What an unexploded style joins: a list's items, an object's keys and values in turn; null for anything else.</summary>
    private static List<JsonNode?>? Items(JsonNode? value) => value switch
    {
        JsonArray list => list.ToList(),
        JsonObject members => [.. members.SelectMany(m => new JsonNode?[] { JsonValue.Create(m.Key), m.Value })],
        _ => null,
    };

    /// <summary>The pairs of a form text, a repeated name as a list of its values.</summary>
    private static JsonObject Decoded(string text)
    {
        var fields = new JsonObject();
        foreach (var group in FormEncoding.Decode(text).GroupBy(p => p.Key, StringComparer.Ordinal))
        {
            fields[group.Key] = group.Count() == 1 ? JsonValue.Create(group.First().Value) : new JsonArray([.. group.Select(p => (JsonNode?)JsonValue.Create(p.Value))]);
        }

        return fields;
    }

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var text) ? text : node!.ToJsonString();

    private static bool IsScalar(JsonNode? node) => node is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;
}
