using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>
/// A list parameter as its <c>style</c> and <c>explode</c> send it (the canonical Petstore's <c>?status=available</c>, not
/// the JSON text <c>?status=[]</c>): one item as its text, several joined with the style's delimiter (<c>,</c>, a space
/// for <c>spaceDelimited</c>, <c>|</c> for <c>pipeDelimited</c>) unless exploded into repeated names, which a pack's
/// query (one value per name) cannot hold: then the first item only.
/// </summary>
internal static partial class Samples
{
    /// <returns>The text to send, or null when an item is not a scalar (the list then goes out as its JSON text).</returns>
    private static string? ListText(IOpenApiParameter parameter, JsonArray list, IOpenApiSchema items, SampleContext context, out int repeated)
    {
        repeated = 0;
        if (list.Count == 0 && (Value(items, 0, "/0", context) ?? Typed(items, 0, "/0", context, 0)) is { } first)
        {
            list.Add(first); // an empty list sends nothing at all: one item says what the parameter carries
        }

        if (list.Count == 0 || list.Any(i => i is not JsonValue))
        {
            return null;
        }

        if (parameter.Explode && list.Count > 1 && parameter.Style is ParameterStyle.Form)
        {
            repeated = list.Count;
            return Scalar(list[0]);
        }

        var delimiter = parameter.Style switch
        {
            ParameterStyle.SpaceDelimited => " ",
            ParameterStyle.PipeDelimited => "|",
            _ => ",",
        };
        return string.Join(delimiter, list.Select(Scalar));
    }
}
