using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Import;

/// <summary>
/// Swagger 2.0 parameters as the OpenAPI reader can read them. Its Swagger 2.0 reader takes a non-body parameter's
/// <c>type</c>, <c>items</c>, <c>minimum</c>... but not <c>minItems</c>, <c>maxItems</c>, <c>uniqueItems</c>,
/// <c>multipleOf</c> or the boolean <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c>, which Swagger 2.0 gives parameters
/// too (each was a CT0401 for the whole document); its schema reader takes them all. Such a parameter's schema keywords
/// are moved into a <c>schema</c> of their own before the document is read. Lists sent joined are marked
/// (<see cref="Unexplode"/>): also those joined by <c>collectionFormat: tsv</c> (the reader throws on it) and the lists
/// inside a list, joined by their items' <c>collectionFormat</c> (the reader does not take it).
/// </summary>
internal static partial class SwaggerParameters
{
    private static readonly string[] Refused = ["minItems", "maxItems", "uniqueItems", "multipleOf", "exclusiveMinimum", "exclusiveMaximum"];

    private static readonly HashSet<string> SchemaKeywords = new(StringComparer.Ordinal)
    {
        "type", "format", "items", "default", "enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "multipleOf",
    };

    /// <summary>A Swagger 2.0 document as JSON with its parameters made readable; null when it is not Swagger 2.0 or needs nothing.</summary>
    public static string? Normalised(string text, bool json, ICollection<string> notes)
    {
        if (!text.Contains("swagger", StringComparison.Ordinal) || RawBounds.Parse(text, json) is not JsonObject root || root["swagger"] is null)
        {
            return null;
        }

        var changed = false;
        foreach (var (name, parameter) in Entries(root["parameters"]))
        {
            changed |= Parameter(parameter, $"#/parameters/{Escape(name)}", notes);
        }

        var shared = root["parameters"] as JsonObject;

        foreach (var (name, response) in Entries(root["responses"]))
        {
            changed |= Headers(response, $"#/responses/{Escape(name)}", notes);
        }

        foreach (var (path, item) in Entries(root["paths"]))
        {
            var at = $"#/paths/{Escape(path)}";
            changed |= List(item?["parameters"], $"{at}/parameters", shared, notes);
            foreach (var (method, operation) in Entries(item).Where(e => e.Key != "parameters" && e.Value is JsonObject))
            {
                changed |= List(operation?["parameters"], $"{at}/{Escape(method)}/parameters", shared, notes);
                foreach (var (status, response) in Entries(operation?["responses"]))
                {
                    changed |= Headers(response, $"{at}/{Escape(method)}/responses/{Escape(status)}", notes);
                }
            }

            changed |= item is JsonObject shares && Spread(shares);
        }

        return changed ? root.ToJsonString() : null;
    }

    private static bool List(JsonNode? parameters, string at, JsonObject? shared, ICollection<string> notes)
    {
        var changed = false;
        for (var i = 0; parameters is JsonArray list && i < list.Count; i++)
        {
            changed |= Inlined(list, i, shared) | Parameter(list[i], $"{at}/{i}", notes);
        }

        return changed;
    }

    private static bool Parameter(JsonNode? node, string at, ICollection<string> notes)
    {
        if (node is not JsonObject parameter || parameter.ContainsKey("$ref") || Text(parameter["in"]) == "body")
        {
            return false;
        }

        var what = $"the parameter '{Text(parameter["name"])}' at {at}";
        var changed = Mark(parameter) | MarkInner(parameter, what, notes);
        if (!Refused.Any(parameter.ContainsKey))
        {
            return changed;
        }

        if (Text(parameter["type"]) == "file")
        {
            return File(parameter, what, notes);
        }

        var schema = new JsonObject();
        foreach (var (key, value) in parameter.ToList().Where(p => SchemaKeywords.Contains(p.Key)))
        {
            parameter.Remove(key);
            schema[key] = value;
        }

        parameter["schema"] = schema;
        return true;
    }

    private static bool Headers(JsonNode? response, string at, ICollection<string> notes)
    {
        var changed = false;
        foreach (var (name, header) in Entries(response?["headers"]).Where(h => h.Value is JsonObject))
        {
            var what = $"the response header '{name}' at {at}/headers/{Escape(name)}";
            changed |= Tsv((JsonObject)header!, what, "left out (a pack does not check response headers)", notes)
                | Multi((JsonObject)header!, what, notes)
                | InnerFormats((JsonObject)header!, what, "left out (a pack does not check response headers)", notes);
        }

        return changed;
    }

    /// <summary><c>collectionFormat: tsv</c>, which OpenAPI 3 has no style for (the reader throws on it): left out.</summary>
    private static bool Tsv(JsonObject node, string what, string then, ICollection<string> notes)
    {
        if (Text(node["collectionFormat"]) != "tsv")
        {
            return false;
        }

        node.Remove("collectionFormat");
        notes.Add($"{what} has collectionFormat: tsv (its items joined by a tab), which OpenAPI 3 has no style for and the reader does not take: {then}");
        return true;
    }

    /// <summary>
    /// A response header's <c>collectionFormat: multi</c> (repeated names, which Swagger 2.0 allows in a query or a form only),
    /// which the reader refused for the whole document at no place ("Unrecognized header style: multi"): left out, a note.
    /// </summary>
    private static bool Multi(JsonObject header, string what, ICollection<string> notes)
    {
        if (Text(header["collectionFormat"]) != "multi")
        {
            return false;
        }

        header.Remove("collectionFormat");
        notes.Add($"{what} has collectionFormat: multi (its items as repeated names), which Swagger 2.0 allows only in a query or a form and the reader does not take on a header: left out (a pack does not check response headers)");
        return true;
    }

    /// <summary>A <c>collectionFormat</c> of the items of a list (a list inside a list), which the reader's schema does not take: left out, one note.</summary>
    private static bool InnerFormats(JsonObject node, string what, string then, ICollection<string> notes)
    {
        string? first = null;
        for (var items = node["items"] as JsonObject; items is not null; items = items["items"] as JsonObject)
        {
            if (items.ContainsKey("collectionFormat"))
            {
                first ??= Text(items["collectionFormat"]);
                items.Remove("collectionFormat");
            }
        }

        if (first is not null)
        {
            notes.Add($"the items of {what} have collectionFormat: {first}, which the reader does not take for a list inside a list: {then}");
        }

        return first is not null;
    }

    /// <summary>A map's entries but its extensions (<c>x-...</c>), taken before any is changed.</summary>
    private static List<KeyValuePair<string, JsonNode?>> Entries(JsonNode? node) =>
        node is JsonObject map ? [.. map.Where(e => !e.Key.StartsWith("x-", StringComparison.Ordinal))] : [];

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : node?.ToJsonString();

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
