using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Keywords;

/// <summary><c>maximum</c> (with draft-04's boolean <c>exclusiveMaximum</c> folded in) and numeric <c>exclusiveMaximum</c>.</summary>
internal sealed class MaximumKeyword(string name, string location, NumberLimit limit, bool exclusive) : Keyword(name, location)
{
    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Number)
        {
            return true;
        }

        var comparison = JsonNumbers.Compare(instance, limit);
        if (exclusive ? comparison < 0 : comparison <= 0)
        {
            return true;
        }

        context.AddError(this, exclusive
            ? $"{ValueText.Show(instance)} is not less than the exclusive maximum {limit.Text}"
            : $"{ValueText.Show(instance)} is greater than the maximum {limit.Text}");
        return false;
    }
}
