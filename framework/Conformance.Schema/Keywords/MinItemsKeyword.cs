using System.Globalization;
using System.Text.Json;
using Conformance.Schema.Evaluation;

namespace Conformance.Schema.Keywords;

/// <summary><c>minItems</c>.</summary>
internal sealed class MinItemsKeyword(string location, int limit) : Keyword("minItems", location)
{
    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Array || instance.GetArrayLength() >= limit)
        {
            return true;
        }

        context.AddError(this, string.Create(CultureInfo.InvariantCulture, $"array has {instance.GetArrayLength()} items, fewer than the minimum {limit}"));
        return false;
    }
}
