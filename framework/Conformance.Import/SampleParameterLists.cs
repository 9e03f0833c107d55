using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>
/// A list parameter as its <c>style</c> and <c>explode</c> send it (the canonical Petstore's <c>?status=available</c>, not
/// the JSON text <c>?status=[]</c>): one item as its text, several joined with the style's delimiter (<c>,</c>, a space
/// for <c>spaceDelimited</c>, <c>|</c> for <c>pipeDelimited</c>); a query list exploded into repeated names
/// (<c>style: form</c>, <c>explode: true</c>, two or more items) as its items, a YAML list under the name in the pack's query.
/// A Swagger 2.0 list joined by a tab (<c>collectionFormat: tsv</c>) is joined by a tab, and its lists inside a list by
/// their items' <c>collectionFormat</c>.
/// </summary>
internal static partial class Samples
{
    /// <returns>The text to send (of repeated names, the first item's), or null when an item is not a scalar (the list then goes out as its JSON text).</returns>
    /// <param name="clash">The delimiter and the first item holding it, where the items are joined and one holds it (the API then reads more items than were drafted).</param>
    private static string? ListText(IOpenApiParameter parameter, JsonArray list, IOpenApiSchema items, SampleContext context, out IReadOnlyList<string>? repeated, out JoinClash? clash)
    {
        (repeated, clash) = (null, null);
        if (list.Count == 0 && (Value(items, 0, "/0", context) ?? Typed(items, 0, "/0", context, 0)) is { } first)
        {
            list.Add(first); // an empty list sends nothing at all: one item says what the parameter carries
        }

        var sent = InnerJoined(list, parameter.Schema) as JsonArray ?? list;
        if (sent.Count == 0 || sent.Any(i => i is not JsonValue))
        {
            return null;
        }

        if (parameter.Explode && sent.Count > 1 && parameter.Style is ParameterStyle.Form && parameter.In is ParameterLocation.Query)
        {
            repeated = [.. sent.Select(Scalar)];
            return repeated[0];
        }

        var delimiter = SwaggerParameters.Delimiter(parameter.Extensions) ?? parameter.Style switch
        {
            ParameterStyle.SpaceDelimited => " ",
            ParameterStyle.PipeDelimited => "|",
            _ => ",",
        };
        var texts = sent.Select(Scalar).ToList();
        if (!(parameter.Explode && parameter.Style is ParameterStyle.Form && parameter.In is ParameterLocation.Query) && texts.Find(t => t.Contains(delimiter, StringComparison.Ordinal)) is { } holding)
        {
            clash = new JoinClash(delimiter, holding); // an exploded form query of one item goes out as it is, not joined
        }

        return string.Join(delimiter, texts);
    }

    /// <summary>
    /// The note for a list parameter sent joined whose item holds the delimiter itself: the API splits that item, so the
    /// value it reads is not the one drafted (the same note as a form field's, <see cref="FormSample"/>).
    /// </summary>
    public static string ClashNote(IOpenApiParameter parameter, string id, JoinClash clash)
    {
        var (by, named) = clash.Delimiter == "\t" ? ("a tab", "collectionFormat: tsv")
            : ($"'{clash.Delimiter}'", $"style {StyleName(parameter.Style ?? (parameter.In is ParameterLocation.Query or ParameterLocation.Cookie ? ParameterStyle.Form : ParameterStyle.Simple))}, explode: {(parameter.Explode ? "true" : "false")}");
        return $"the sample of {parameter.In?.ToString().ToLowerInvariant()} parameter '{parameter.Name}' of {id} is sent with its items joined by {by} ({named}), and an item holds {by} itself "
            + $"(\"{clash.Item.Replace("\t", "\\t", StringComparison.Ordinal)}\"), so the API reads more items than were drafted: write items without {by} there by hand";
    }

    private static string StyleName(ParameterStyle style) => style switch
    {
        ParameterStyle.SpaceDelimited => "spaceDelimited",
        ParameterStyle.PipeDelimited => "pipeDelimited",
        ParameterStyle.DeepObject => "deepObject",
        _ => style.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// A list whose items are lists a Swagger 2.0 <c>collectionFormat</c> joins (<see cref="SwaggerParameters.Delimiter"/>
    /// on <paramref name="schema"/>'s items) with each of them as its joined text (<c>[[1,1]]</c> as <c>["1|1"]</c> for
    /// pipes), the lists inside them first; any other value as it is.
    /// </summary>
    public static JsonNode? InnerJoined(JsonNode? value, IOpenApiSchema? schema)
    {
        if (value is not JsonArray list || schema?.Items is not { } items || SwaggerParameters.Delimiter(items.Extensions) is not { } delimiter)
        {
            return value;
        }

        return new JsonArray([.. list.Select(item => InnerJoined(item, items) is JsonArray inner && inner.All(i => i is JsonValue)
            ? JsonValue.Create(string.Join(delimiter, inner.Select(Scalar)))
            : item?.DeepClone())]);
    }
}

/// <summary>A list parameter's delimiter and the first of its items that holds it.</summary>
internal sealed record JoinClash(string Delimiter, string Item);
