using System.Globalization;
using System.Text.Json;
using Conformance.Schema.Evaluation;

namespace Conformance.Schema.Keywords;

/// <summary><c>maxProperties</c>.</summary>
internal sealed class MaxPropertiesKeyword(string location, int limit) : Keyword("maxProperties", location)
{
    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Object || instance.GetPropertyCount() <= limit)
        {
            return true;
        }

        context.AddError(this, string.Create(CultureInfo.InvariantCulture, $"object has {instance.GetPropertyCount()} properties, more than the maximum {limit}"));
        return false;
    }
}
