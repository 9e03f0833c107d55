using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>
/// A list parameter as its <c>style</c> and <c>explode</c> send it (the canonical Petstore's <c>?status=available</c>, not
/// the JSON text <c>?status=[]</c>): one item as its text, several joined with the style's delimiter (<c>,</c>, a space
/// for <c>spaceDelimited</c>, <c>|</c> for <c>pipeDelimited</c>); a query list exploded into repeated names
/// (<c>style: form</c>, <c>explode: true</c>, two or more items) as its items, a YAML list under the name in the pack's query.
/// </summary>
internal static partial class Samples
{
    /// <returns>The text to send (of repeated names, the first item's), or null when an item is not a scalar (the list then goes out as its JSON text).</returns>
    private static string? ListText(IOpenApiParameter parameter, JsonArray list, IOpenApiSchema items, SampleContext context, out IReadOnlyList<string>? repeated)
    {
        repeated = null;
        if (list.Count == 0 && (Value(items, 0, "/0", context) ?? Typed(items, 0, "/0", context, 0)) is { } first)
        {
            list.Add(first); // an empty list sends nothing at all: one item says what the parameter carries
        }

        if (list.Count == 0 || list.Any(i => i is not JsonValue))
        {
            return null;
        }

        if (parameter.Explode && list.Count > 1 && parameter.Style is ParameterStyle.Form && parameter.In is ParameterLocation.Query)
        {
            repeated = [.. list.Select(Scalar)];
            return repeated[0];
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
