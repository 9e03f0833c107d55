using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Schema.Json;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>Numbers of <see cref="Samples"/> for bounds beyond a decimal's range.</summary>
internal static partial class Samples
{
    /// <summary>
    /// The number drafted for <paramref name="schema"/> (<see cref="Number"/>); where a lower bound lies above a decimal's
    /// range (<c>minimum: 1e30</c>) or an upper one below it, a decimal cannot meet it (1 was drafted, with a "does not meet
    /// its schema" note), so the bound itself where inclusive, else the power of ten past it (<c>exclusiveMinimum: 1e30</c>:
    /// 1e31), the first that meets every bound, multipleOf and an integer type as the validator reads them. The decimal
    /// draft stands where neither does.
    /// </summary>
    private static JsonValue NumberNode(IOpenApiSchema schema, int nth)
    {
        var drafted = Number(schema, nth);
        if (Meets(schema, drafted.ToString(CultureInfo.InvariantCulture)))
        {
            return JsonValue.Create(drafted);
        }

        return Beyond(schema).FirstOrDefault(c => Meets(schema, c)) is { } text && NumberValue(text) is { } value ? value : JsonValue.Create(drafted);
    }

    private static IEnumerable<string> Beyond(IOpenApiSchema schema)
    {
        foreach (var (bound, lower, inclusive) in new[] { (schema.Minimum, true, true), (schema.ExclusiveMinimum, true, false), (schema.Maximum, false, true), (schema.ExclusiveMaximum, false, false) })
        {
            if (!NumberText.IsNumber(bound) || Parse(bound) is not null)
            {
                continue;
            }

            var exact = ExactNumber.Parse(bound!);
            if (inclusive)
            {
                yield return Scientific(exact);
            }

            if (exact.Negative != lower)
            {
                // 0.D x 10^k < 10^k: the power past a huge positive lower bound, or below a huge negative upper one.
                yield return $"{(lower ? string.Empty : "-")}1e{exact.Order}";
            }
        }
    }

    /// <summary>The number as JSON writes it in scientific notation (<c>+.15E31</c> as 1.5e30).</summary>
    private static string Scientific(ExactNumber n) =>
        $"{(n.Negative ? "-" : string.Empty)}{n.Digits[0]}{(n.Digits.Length > 1 ? "." + n.Digits[1..] : string.Empty)}e{n.Order - 1}";

    private static bool Meets(IOpenApiSchema schema, string text)
    {
        var value = ExactNumber.Parse(text);
        return NumberText.Within(text, schema.Minimum, schema.ExclusiveMinimum, schema.Maximum, schema.ExclusiveMaximum)
            && (!IsInteger(schema) || value.IsInteger)
            && (schema.MultipleOf is not { } m || m <= 0 || value.IsMultipleOf(ExactNumber.Parse(m.ToString(CultureInfo.InvariantCulture))) != false);
    }
}
