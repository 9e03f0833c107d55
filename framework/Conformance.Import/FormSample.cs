using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Import;

/// <summary>
/// A form body sample as a pack writes it (<c>bodyType: form</c>): a flat object of strings, numbers and booleans, a list
/// of them repeating the name. A field whose sample nests (an object, a list of objects) or is null is left out, with a note.
/// </summary>
internal static class FormSample
{
    /// <summary>The flat fields of <paramref name="sample"/>, or null when it is not an object.</summary>
    public static JsonObject? Flatten(JsonNode? sample, string id, List<string> notes)
    {
        if (sample is not JsonObject fields)
        {
            return null;
        }

        var flat = new JsonObject();
        foreach (var (name, value) in fields)
        {
            if (IsScalar(value) || (value is JsonArray list && list.All(IsScalar)))
            {
                flat[name] = value!.DeepClone();
                continue;
            }

            var kind = value switch { null => "null", JsonObject => "an object", _ => "a list holding objects, lists or null" };
            notes.Add($"the form body sample of {id} has field '{name}' whose sample is {kind}, which a form field cannot carry: the field was left out of the drafted body; "
                + "if the API reads it flattened (e.g. address[city]=Berlin), add those fields to the body by hand");
        }

        return flat;
    }

    private static bool IsScalar(JsonNode? node) => node is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;
}
