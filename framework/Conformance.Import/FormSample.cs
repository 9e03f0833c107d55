using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Probing;

namespace Conformance.Import;

/// <summary>
/// A form body sample as a pack writes it (<c>bodyType: form</c>): a flat object of strings, numbers and booleans, a list
/// of them repeating the name. A field whose sample nests (an object, a list of objects) or is null is left out, with a
/// note. An example written as form text (<c>a=1&amp;b=2</c>) is read as its fields.
/// </summary>
internal static class FormSample
{
    /// <summary>The form fields of <paramref name="sample"/>; none, with a note, when it names no field.</summary>
    public static JsonObject Fields(JsonNode? sample, string id, List<string> notes)
    {
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
        foreach (var (name, field) in fields)
        {
            if (!Put(flat, name, field))
            {
                var kind = field switch { null => "null", JsonObject => "an object", _ => "a list holding objects, lists or null" };
                notes.Add($"the form body sample of {id} has field '{name}' whose sample is {kind}, which a form field cannot carry: the field was left out of the drafted body; "
                    + "if the API reads it flattened (e.g. address[city]=Berlin), add those fields to the body by hand");
            }
        }

        return flat;
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

    private static bool IsScalar(JsonNode? node) => node is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;
}
