using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Keywords;

/// <summary><c>minimum</c> (with draft-04's boolean <c>exclusiveMinimum</c> folded in) and numeric <c>exclusiveMinimum</c>.</summary>
internal sealed class MinimumKeyword(string name, string location, NumberLimit limit, bool exclusive) : Keyword(name, location)
{
    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Number)
        {
            return true;
        }

        var comparison = JsonNumbers.Compare(instance, limit);
        if (exclusive ? comparison > 0 : comparison >= 0)
        {
            return true;
        }

        context.AddError(this, exclusive
            ? $"{ValueText.Show(instance)} is not greater than the exclusive minimum {limit.Text}"
            : $"{ValueText.Show(instance)} is less than the minimum {limit.Text}");
        return false;
    }
}
