using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>Numbers and typed <c>const</c> values of <see cref="Samples"/>.</summary>
internal static partial class Samples
{
    /// <summary>
    /// A number the bounds, multipleOf and an integer type accept: 1 where it is one, else the first of the lowest
    /// allowed values, the highest, the middle of the range and the multiple itself that is (a narrow exclusive range
    /// gave a value outside it, multipleOf was ignored, minimum 1.5 gave 1.5 for an integer). The <paramref name="nth"/>
    /// other one is that many steps (the multiple, else 1 for an integer and 0.5 for a number) above it, or below where
    /// the bounds stop it; the first where there is no such value. Each is held to the bounds as the document writes them
    /// (<see cref="NumberText"/>) and printed without trailing zeros (<c>exclusiveMinimum: 1e-400</c>, a decimal's 0, drafted
    /// 0.5000000000000000000000000000, and <c>minimum: 1e-400</c> drafted 0, below it).
    /// </summary>
    private static decimal Number(IOpenApiSchema schema, int nth)
    {
        var integer = IsInteger(schema);
        var (min, exMin, max, exMax) = (Parse(schema.Minimum), Parse(schema.ExclusiveMinimum), Parse(schema.Maximum), Parse(schema.ExclusiveMaximum));
        var multiple = schema.MultipleOf is { } m && m > 0 ? m : integer ? 1m : (decimal?)null;
        // Held to the bounds as written, as the validator judging the sample reads them: 1e-400 is above a decimal's 0.
        bool Allowed(decimal v) => NumberText.Within(v, schema.Minimum, schema.ExclusiveMinimum, schema.Maximum, schema.ExclusiveMaximum)
            && (multiple is null || v % multiple.Value == 0);
        var first = First(min, exMin, max, exMax, multiple, Allowed);
        var (step, found) = (multiple ?? 0.5m, 0);
        foreach (var direction in new[] { 1, -1 })
        {
            for (var k = 1; nth > 0 && k <= nth && Allowed(first + (direction * k * step)); k++)
            {
                if (++found == nth)
                {
                    return NumberText.Plain(first + (direction * k * step));
                }
            }
        }

        return NumberText.Plain(first);
    }

    private static decimal First(decimal? min, decimal? exMin, decimal? max, decimal? exMax, decimal? multiple, Func<decimal, bool> allowed)
    {
        var (low, high) = (Max(min, exMin), Min(max, exMax));
        if (low is null && allowed(1))
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
        return candidates.FirstOrDefault(allowed, candidates[0]);
    }

    /// <summary>True when the schema's type is integer and not number too.</summary>
    private static bool IsInteger(IOpenApiSchema schema) =>
        schema.Type?.HasFlag(JsonSchemaType.Integer) == true && schema.Type?.HasFlag(JsonSchemaType.Number) != true;

    private static decimal? Parse(string? text) => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>
    /// A <c>const</c> as JSON of the schema's type: the reader keeps it as text (5, False), which drafted as a string broke
    /// the schema it came from; null (the reader's marker) stays the marker, read as JSON null by the caller.
    /// </summary>
    private static JsonNode? Const(IOpenApiSchema schema)
    {
        if (RawConsts.Of(schema) is { } moved)
        {
            return moved; // a 3.1 const that is no string, as the document writes it
        }

        if (schema.Const is not { } text)
        {
            return null;
        }

        var type = schema.Type ?? 0;
        return (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)) && NumberValue(text) is { } n ? n
            : type.HasFlag(JsonSchemaType.Boolean) && bool.TryParse(text, out var b) ? JsonValue.Create(b)
            : JsonValue.Create(text);
    }

    /// <summary>
    /// The number a text names, as JSON: a decimal where it fits, else the text itself where it is a JSON number (1e300,
    /// beyond decimal's range, was kept as the string "1e300"); null when it is not a number.
    /// </summary>
    internal static JsonValue? NumberValue(string text)
    {
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
        {
            return JsonValue.Create(n);
        }

        try
        {
            return JsonNode.Parse(text) is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number ? v : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static decimal? Max(decimal? a, decimal? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static decimal? Min(decimal? a, decimal? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
