using System.Text.Json.Nodes;

namespace Conformance.Import;

/// <summary>
/// Swagger 2.0 <c>formData</c> parameters the reader mistakes. One given by <c>$ref</c> to <c>#/parameters/...</c> was
/// read as the whole body of its operation (<c>body: 3</c>, the other fields lost): it is put in place of its
/// reference; one of a path item was left out of its operations' forms: it is put in each of them. A <c>type: file</c> one with a keyword the reader refuses on a parameter (<c>minItems</c>,
/// <c>multipleOf</c>...) made the whole document CT0401: the keyword is left out, with a note.
/// </summary>
internal static partial class SwaggerParameters
{
    /// <summary>The item <paramref name="at"/> of <paramref name="list"/>, a <c>$ref</c> to a shared formData parameter, replaced by a copy of that parameter.</summary>
    private static bool Inlined(JsonArray list, int at, JsonObject? shared)
    {
        if (list[at] is not JsonObject reference || Text(reference["$ref"]) is not { } target || !target.StartsWith("#/parameters/", StringComparison.Ordinal)
            || shared?[Unescape(target["#/parameters/".Length..])] is not JsonObject parameter || Text(parameter["in"]) != "formData")
        {
            return false;
        }

        list[at] = parameter.DeepClone();
        return true;
    }

    /// <summary>
    /// The formData parameters of a path item (which the reader leaves out of its operations' forms) moved into each of its
    /// operations that does not have one of that name itself.
    /// </summary>
    private static bool Spread(JsonObject item)
    {
        var forms = item["parameters"] is JsonArray shared ? shared.OfType<JsonObject>().Where(p => Text(p["in"]) == "formData").ToList() : [];
        foreach (var (_, node) in Entries(item).Where(e => e.Key != "parameters" && e.Value is JsonObject && forms.Count > 0))
        {
            var operation = (JsonObject)node!;
            operation["parameters"] ??= new JsonArray();
            if (operation["parameters"] is not JsonArray own)
            {
                continue; // not a list: the reader says so
            }

            foreach (var form in forms.Where(f => !own.OfType<JsonObject>().Any(p => Text(p["in"]) == "formData" && Text(p["name"]) == Text(f["name"]))))
            {
                own.Add(form.DeepClone());
            }
        }

        foreach (var form in forms)
        {
            ((JsonArray)item["parameters"]!).Remove(form);
        }

        return forms.Count > 0;
    }

    /// <summary>The keywords the reader refuses on a parameter, taken off a <c>type: file</c> one, with a note.</summary>
    private static bool File(JsonObject parameter, string what, ICollection<string> notes)
    {
        var refused = Refused.Where(parameter.ContainsKey).ToList();
        foreach (var key in refused)
        {
            parameter.Remove(key);
        }

        notes.Add($"{what} is a file (type: file) with {string.Join(", ", refused)}, which the reader does not take on a file: left out (a file's content is not drafted)");
        return true;
    }

    private static string Unescape(string token) => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
