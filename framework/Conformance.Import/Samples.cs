using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>
/// Sample values for a baseline request: the document's own example first (parameter, media type, schema), then the
/// schema's default or first enum value, then the smallest value its type and format allow (and its <c>pattern</c>
/// accepts, where <see cref="PatternSample"/> finds such a text; otherwise the value is listed in <c>unmet</c>).
/// </summary>
internal static class Samples
{
    private const int MaxDepth = 8;

    /// <summary>The longest string and the longest list a sample is drafted with (a minLength of 2^31 ran out of memory).</summary>
    private const int MaxDrafted = 4096;

    /// <summary>What Microsoft.OpenApi's reader puts where a document wrote null (default: null, enum: [null, ...]).</summary>
    private const string NullMarker = "openapi-json-null-sentinel-value-";

    public static string Parameter(IOpenApiParameter parameter, List<UnmetPattern> unmet) =>
        Text(parameter.Example) ?? Text(parameter.Examples?.Values.FirstOrDefault()?.Value) ?? Scalar(parameter.Schema, unmet);

    public static JsonNode? Body(IOpenApiMediaType media, List<UnmetPattern> unmet) =>
        media.Example?.DeepClone() ?? media.Examples?.Values.FirstOrDefault()?.Value?.DeepClone() ?? Value(media.Schema, 0, string.Empty, unmet);

    /// <summary>The smallest value <paramref name="schema"/> accepts, as JSON (required properties only), found at <paramref name="pointer"/>.</summary>
    private static JsonNode? Value(IOpenApiSchema? schema, int depth, string pointer, List<UnmetPattern> unmet)
    {
        if (schema is null || depth > MaxDepth)
        {
            return null;
        }

        if ((schema.Examples?.FirstOrDefault() ?? SingleExample(schema) ?? schema.Default ?? Const(schema) ?? schema.Enum?.FirstOrDefault()) is { } given)
        {
            // The OpenAPI reader stands a null in default, examples or enum for a marker string: it is JSON null.
            return given is JsonValue v && v.TryGetValue<string>(out var text) && text.StartsWith(NullMarker, StringComparison.Ordinal) ? null : given.DeepClone();
        }

        if (schema.AllOf is { Count: > 0 } all)
        {
            var merged = new JsonObject();
            foreach (var part in all.Select(p => Value(p, depth + 1, pointer, unmet)).OfType<JsonObject>())
            {
                foreach (var (key, value) in part)
                {
                    merged[key] = value?.DeepClone();
                }
            }

            // A name required in one part (or beside allOf) whose property another part, or a part of a part, declares:
            // a part that could not see the declaration drafted "sample", which that declaration may reject.
            foreach (var name in AllOfSchema.Required(schema).Where(n => !merged.ContainsKey(n) || IsUndeclared(merged[n])))
            {
                var property = AllOfSchema.Property(schema, name);
                if (property?.ReadOnly == true)
                {
                    merged.Remove(name);
                }
                else if (property is not null || !merged.ContainsKey(name))
                {
                    merged[name] = property is null ? "sample" : Value(property, depth + 1, $"{pointer}/{name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}", unmet);
                }
            }

            return merged;
        }

        if ((schema.OneOf ?? schema.AnyOf) is { Count: > 0 } choices)
        {
            // Names required beside oneOf/anyOf hold whichever choice is taken (the first choice was drafted alone).
            var chosen = Value(choices[0], depth + 1, pointer, unmet);
            foreach (var name in (schema.Required ?? new HashSet<string>()).Where(n => chosen is JsonObject o && !o.ContainsKey(n)))
            {
                var property = AllOfSchema.Property(schema, name) ?? AllOfSchema.Property(choices[0], name);
                if (property?.ReadOnly != true)
                {
                    chosen![name] = property is null ? "sample" : Value(property, depth + 1, $"{pointer}/{name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}", unmet);
                }
            }

            return chosen;
        }

        var type = schema.Type ?? (schema.Properties?.Count > 0 ? JsonSchemaType.Object : JsonSchemaType.String);
        if (type.HasFlag(JsonSchemaType.Object))
        {
            var body = new JsonObject();
            foreach (var name in schema.Required ?? new HashSet<string>())
            {
                // readOnly: the server sets it and ignores it in a request (OpenAPI 3: required in responses only).
                IOpenApiSchema? property = null;
                schema.Properties?.TryGetValue(name, out property);
                if (property?.ReadOnly == true)
                {
                    continue;
                }

                body[name] = property is not null ? Value(property, depth + 1, $"{pointer}/{name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}", unmet) : "sample";
            }

            return body;
        }

        if (type.HasFlag(JsonSchemaType.Array))
        {
            var items = new JsonArray();
            for (var i = 0; i < Math.Min(schema.MinItems ?? 0, MaxDrafted); i++)
            {
                items.Add(Value(schema.Items, depth + 1, $"{pointer}/{i}", unmet));
            }

            return items;
        }

        return type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number) ? JsonValue.Create(Number(schema))
            : type.HasFlag(JsonSchemaType.Boolean) ? JsonValue.Create(true)
            : JsonValue.Create(StringValue(schema, pointer, unmet));
    }

    /// <summary>The text a required name with no declared property is drafted with.</summary>
    private static bool IsUndeclared(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var text) && text == "sample";

    /// <summary>An OpenAPI 3.0 <c>example</c>, which the reader keeps apart from the 3.1 <c>examples</c> list.</summary>
#pragma warning disable CS0618 // Example is the 3.0 keyword; Examples alone misses it
    private static JsonNode? SingleExample(IOpenApiSchema schema) => schema.Example;
#pragma warning restore CS0618

    private static string Scalar(IOpenApiSchema? schema, List<UnmetPattern> unmet) => Value(schema, 0, string.Empty, unmet) switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        { } node => node.ToJsonString(),
        null => "sample",
    };

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    /// <summary>
    /// 1, or the smallest value the bounds allow: <c>minimum</c>, just above an <c>exclusiveMinimum</c> (1 for an integer,
    /// 0.5 otherwise), never above <c>maximum</c> or at an <c>exclusiveMaximum</c>.
    /// </summary>
    /// <summary>
    /// A number the bounds, multipleOf and an integer type accept: 1 where it is one, else the first of the lowest
    /// allowed values, the highest, the middle of the range and the multiple itself that is (a narrow exclusive range
    /// gave a value outside it, multipleOf was ignored, minimum 1.5 gave 1.5 for an integer).
    /// </summary>
    private static decimal Number(IOpenApiSchema schema)
    {
        var integer = schema.Type?.HasFlag(JsonSchemaType.Integer) == true && schema.Type?.HasFlag(JsonSchemaType.Number) != true;
        var (min, exMin, max, exMax) = (Parse(schema.Minimum), Parse(schema.ExclusiveMinimum), Parse(schema.Maximum), Parse(schema.ExclusiveMaximum));
        var multiple = schema.MultipleOf is { } m && m > 0 ? m : integer ? 1m : (decimal?)null;
        bool Allowed(decimal v) => (min is null || v >= min) && (exMin is null || v > exMin) && (max is null || v <= max) && (exMax is null || v < exMax)
            && (multiple is null || v % multiple.Value == 0);
        var (low, high) = (Max(min, exMin), Min(max, exMax));
        if (low is null && Allowed(1))
        {
            return 1;
        }

        var step = multiple ?? 0.5m;
        var candidates = new List<decimal>();
        if (low is { } l)
        {
            var first = multiple is { } k ? Math.Ceiling(l / k) * k : l;
            candidates.AddRange([first, first + step]);
        }

        if (high is { } h)
        {
            var last = multiple is { } k ? Math.Floor(h / k) * k : h;
            candidates.AddRange([last, last - step]);
        }

        if (low is { } a && high is { } b)
        {
            candidates.Add((a + b) / 2);
        }

        candidates.AddRange([multiple ?? 1, 0]);
        return candidates.FirstOrDefault(Allowed, candidates[0]);
    }

    private static decimal? Parse(string? text) => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>
    /// A <c>const</c> as JSON of the schema's type: the reader keeps it as text (5, False), which drafted as a string broke
    /// the schema it came from; null (the reader's marker) stays the marker, read as JSON null by the caller.
    /// </summary>
    private static JsonValue? Const(IOpenApiSchema schema)
    {
        if (schema.Const is not { } text)
        {
            return null;
        }

        var type = schema.Type ?? 0;
        return (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n)
            : type.HasFlag(JsonSchemaType.Boolean) && bool.TryParse(text, out var b) ? JsonValue.Create(b)
            : JsonValue.Create(text);
    }

    private static decimal? Max(decimal? a, decimal? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static decimal? Min(decimal? a, decimal? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    /// <summary>
    /// A sample meeting <c>format</c> and <c>minLength</c>, cut to <c>maxLength</c>; where <c>pattern</c> does not accept
    /// it, a text the pattern accepts within the lengths, else the same sample, listed in <paramref name="unmet"/>.
    /// </summary>
    private static string StringValue(IOpenApiSchema schema, string pointer, List<UnmetPattern> unmet)
    {
        var text = Contracts.FormatSample.For(schema.Format, Math.Min(schema.MinLength ?? 0, MaxDrafted), "sample");
        text = schema.MaxLength is { } max && text.Length > max ? text[..max] : text;
        if (schema.Pattern is not { Length: > 0 } pattern || PatternSample.Meets(text, pattern, schema.MinLength ?? 0, schema.MaxLength))
        {
            return text;
        }

        if (PatternSample.For(pattern, schema.MinLength ?? 0, schema.MaxLength) is { } matching)
        {
            return matching;
        }

        unmet.Add(new UnmetPattern(pointer, pattern, text));
        return text;
    }
}

/// <summary>A string sample its schema's <c>pattern</c> does not accept: where (a JSON Pointer), the pattern, what was drafted.</summary>
internal sealed record UnmetPattern(string Pointer, string Pattern, string Drafted);
