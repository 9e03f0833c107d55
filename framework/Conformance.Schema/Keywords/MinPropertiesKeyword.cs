using System.Globalization;
using System.Text.Json;
using Conformance.Schema.Evaluation;

namespace Conformance.Schema.Keywords;

/// <summary><c>minProperties</c>.</summary>
internal sealed class MinPropertiesKeyword(string location, int limit) : Keyword("minProperties", location)
{
    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Object || instance.GetPropertyCount() >= limit)
        {
            return true;
        }

        context.AddError(this, string.Create(CultureInfo.InvariantCulture, $"object has {instance.GetPropertyCount()} properties, fewer than the minimum {limit}"));
        return false;
    }
}
