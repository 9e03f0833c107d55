using System.Globalization;
using System.Text.Json;
using Conformance.Schema.Evaluation;

namespace Conformance.Schema.Keywords;

/// <summary><c>maxItems</c>.</summary>
internal sealed class MaxItemsKeyword(string location, int limit) : Keyword("maxItems", location)
{
    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Array || instance.GetArrayLength() <= limit)
        {
            return true;
        }

        context.AddError(this, string.Create(CultureInfo.InvariantCulture, $"array has {instance.GetArrayLength()} items, more than the maximum {limit}"));
        return false;
    }
}
