using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>
/// Sample values for a baseline request: the document's own example first (parameter, media type, schema), then the
/// schema's default or first enum value, then the smallest value its type and format allow (and its <c>pattern</c>
/// accepts, where <see cref="PatternSample"/> finds such a text). A drafted sample is judged against its schema by the
/// project's validator (<see cref="SampleContext.Check"/>); what it cannot meet is listed in the context, for a note.
/// </summary>
internal static partial class Samples
{
    /// <summary>The longest string and the longest list a sample is drafted with (a minLength of 2^31 ran out of memory).</summary>
    private const int MaxDrafted = 4096;

    /// <summary>How many other candidates a <c>oneOf</c> or <c>not</c> is tried with (variants of the sample, of each branch).</summary>
    private const int Tries = 8;

    /// <summary>What Microsoft.OpenApi's reader puts where a document wrote null (default: null, enum: [null, ...]).</summary>
    private const string NullMarker = "openapi-json-null-sentinel-value-";

    /// <summary>Whether <paramref name="value"/> is the reader's null marker (<see cref="NullMarker"/>).</summary>
    public static bool IsNullMarker(JsonNode value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) && text.StartsWith(NullMarker, StringComparison.Ordinal);

    /// <summary>
    /// The parameter's text; <paramref name="repeated"/> the texts of the items of a query list that goes out as repeated
    /// names (<c>style: form</c>, <c>explode: true</c>, two or more items), else null; <paramref name="clash"/> the item of
    /// a list sent joined that holds the delimiter itself, else null.
    /// </summary>
    public static string Parameter(IOpenApiParameter parameter, SampleContext context, out IReadOnlyList<string>? repeated, out JoinClash? clash)
    {
        (repeated, clash) = (null, null);
        var example = DataValues.Typed(parameter.Example ?? parameter.Examples?.Values.FirstOrDefault()?.Value, parameter.Schema?.Type);
        if (example is JsonArray givenList && parameter.Schema?.Items is { } givenItems)
        {
            // The document's list as its style sends it, as a drafted one (it went out as its JSON text, q=["a","b"]).
            return ListText(parameter, (JsonArray)givenList.DeepClone(), givenItems, context, out repeated, out clash) ?? givenList.ToJsonString();
        }

        if (Text(example) is { } given)
        {
            return given;
        }

        var value = Value(parameter.Schema, 0, string.Empty, context);
        if (context.Stopped is not null)
        {
            return string.Empty; // not drafted: the caller warns (CT0403)
        }

        if (value is null && parameter.Schema is { } schema)
        {
            // A parameter cannot carry null: the schema's next given value, else the smallest value of its type.
            var fork = context.Fork();
            value = context.Take(fork, Value(schema, 0, string.Empty, fork, nth: 1) ?? Typed(schema, 0, string.Empty, fork, 0));
        }

        if (value is JsonArray list && parameter.Schema?.Items is { } items)
        {
            var listed = ListText(parameter, list, items, context, out repeated, out clash);
            context.Check(parameter.Schema, list, string.Empty);
            return listed ?? list.ToJsonString();
        }

        var text = Scalar(value);
        context.Check(parameter.Schema, Sent(parameter.Schema, value, text), string.Empty);
        return text;
    }

    /// <summary>
    /// The value as the API reads the text sent: a value of a type its schema does not take (a number, a list) given for a
    /// parameter whose schema takes a string is that text (1.5 goes out as "1.5"), anything else the drafted value.
    /// </summary>
    private static JsonNode? Sent(IOpenApiSchema? schema, JsonNode? value, string text)
    {
        var kind = value switch
        {
            JsonObject => JsonSchemaType.Object,
            JsonArray => JsonSchemaType.Array,
            JsonValue v when v.TryGetValue<string>(out _) => JsonSchemaType.String,
            JsonValue v when v.TryGetValue<bool>(out _) => JsonSchemaType.Boolean,
            JsonValue => JsonSchemaType.Number | JsonSchemaType.Integer,
            _ => JsonSchemaType.Null,
        };
        return value is not null && schema?.Type is { } type && type.HasFlag(JsonSchemaType.String) && (type & kind) == 0 ? JsonValue.Create(text) : value;
    }

    public static JsonNode? Body(IOpenApiMediaType media, SampleContext context)
    {
        if ((media.Example ?? media.Examples?.Values.FirstOrDefault()?.Value) is { } given)
        {
            return given.DeepClone();
        }

        var value = Value(media.Schema, 0, string.Empty, context);
        if (context.Stopped is not null)
        {
            return null; // not drafted: the caller warns (CT0403)
        }

        context.Check(media.Schema, value, string.Empty);
        return value;
    }

    /// <summary>
    /// The smallest value <paramref name="schema"/> accepts, as JSON (required properties, and as many more as
    /// <c>minProperties</c> asks), found at <paramref name="pointer"/>; <paramref name="nth"/> above 0 asks for another
    /// one where the schema allows (for <c>uniqueItems</c>, <c>oneOf</c>, <c>not</c>). A <c>oneOf</c> or <c>not</c> is
    /// met by the first candidate the validator accepts, while the search budget lasts (<see cref="SampleContext.MaySearch"/>).
    /// </summary>
    private static JsonNode? Value(IOpenApiSchema? schema, int depth, string pointer, SampleContext context, int nth = 0)
    {
        if (schema is null || !context.Visit(depth, pointer))
        {
            return null;
        }

        var fork = context.Fork();
        var value = Drafted(schema, depth, pointer, fork, nth);
        if ((schema.Not is null && schema.OneOf is not { Count: > 1 }) || !context.MaySearch || context.Judge.Accepts(schema, value))
        {
            return context.Take(fork, value);
        }

        // Its variants, the other branches' samples, then texts of the lengths the schema's parts name (the last, so the
        // values drafted where the others do are the same).
        var others = Enumerable.Range(nth + 1, Tries).Select(k => (Func<SampleContext, JsonNode?>)(c => Drafted(schema, depth, pointer, c, k)))
            .Concat((schema.OneOf ?? []).Skip(1).SelectMany(b => Enumerable.Range(0, Tries).Select(k => (Func<SampleContext, JsonNode?>)(c => Choice(schema, b, depth, pointer, c, k)))))
            .Concat(OtherLengths(schema, value).Select(t => (Func<SampleContext, JsonNode?>)(_ => JsonValue.Create(t))));
        foreach (var candidate in others.TakeWhile(_ => context.MaySearch))
        {
            context.Spend();
            var tried = context.Fork();
            var other = candidate(tried);
            if (context.Judge.Accepts(schema, other))
            {
                return context.Take(tried, other);
            }
        }

        return context.Take(fork, value); // the final check notes it
    }

    private static JsonNode? Drafted(IOpenApiSchema schema, int depth, string pointer, SampleContext context, int nth)
    {
        if (Given(schema, nth) is var (found, given) && found)
        {
            return given;
        }

        return Typed(schema, depth, pointer, context, nth);
    }

    /// <summary>The value <paramref name="schema"/>'s keywords and type draft, the document's own values aside.</summary>
    private static JsonNode? Typed(IOpenApiSchema schema, int depth, string pointer, SampleContext context, int nth)
    {
        if (schema.AllOf is { Count: > 0 } all)
        {
            return AllOf(schema, all, depth, pointer, context, nth);
        }

        if ((schema.OneOf ?? schema.AnyOf) is { Count: > 0 } choices)
        {
            return Choice(schema, choices[0], depth, pointer, context, nth);
        }

        var type = schema.Type ?? (schema.Properties?.Count > 0 ? JsonSchemaType.Object : JsonSchemaType.String);
        return type.HasFlag(JsonSchemaType.Object) ? Object(schema, depth, pointer, context, nth)
            : type.HasFlag(JsonSchemaType.Array) ? Array(schema, depth, pointer, context, nth)
            : type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number) ? NumberNode(schema, nth)
            : type.HasFlag(JsonSchemaType.Boolean) ? JsonValue.Create(nth % 2 == 0)
            : JsonValue.Create(StringValue(schema, pointer, context, nth));
    }

    /// <summary>
    /// The document's value for the schema (examples, example, default, const, enum; the <paramref name="nth"/> of them
    /// where there are that many, else the first), and whether there is one; the reader's null marker is JSON null.
    /// </summary>
    private static (bool Found, JsonNode? Value) Given(IOpenApiSchema schema, int nth)
    {
        var values = new List<JsonNode>();
        foreach (var value in (schema.Examples ?? []).Concat([SingleExample(schema), schema.Default, Const(schema)]).Concat(schema.Enum ?? []).OfType<JsonNode>())
        {
            if (!values.Exists(v => JsonNode.DeepEquals(v, value)))
            {
                values.Add(value);
            }

            if (values.Count > nth)
            {
                break; // the nth is known: a large enum is not compared with itself value by value
            }
        }

        if (values.Count == 0)
        {
            return (false, null);
        }

        var given = values[nth < values.Count ? nth : 0];
        return (true, IsNullMarker(given) ? null : DataValues.Typed(given.DeepClone(), schema.Type));
    }

    /// <summary>An OpenAPI 3.0 <c>example</c>, which the reader keeps apart from the 3.1 <c>examples</c> list.</summary>
#pragma warning disable CS0618 // Example is the 3.0 keyword; Examples alone misses it
    private static JsonNode? SingleExample(IOpenApiSchema schema) => schema.Example;
#pragma warning restore CS0618

    private static string Child(string pointer, string name) => $"{pointer}/{name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";

    private static string Scalar(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        { } node => node.ToJsonString(),
        null => "sample",
    };

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };
}
