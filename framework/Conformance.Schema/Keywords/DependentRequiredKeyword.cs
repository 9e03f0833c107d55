using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Keywords;

/// <summary><c>dependentRequired</c> (and the array form of draft-04..07 <c>dependencies</c>).</summary>
internal sealed class DependentRequiredKeyword(string name, string location, (string Property, string[] Required)[] rules) : Keyword(name, location)
{
    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var (property, required) in rules)
        {
            if (!instance.TryGetProperty(property, out _))
            {
                continue;
            }

            foreach (var other in required)
            {
                if (!instance.TryGetProperty(other, out _))
                {
                    valid = false;
                    if (!context.Collect)
                    {
                        return false;
                    }

                    context.AddError(this, $"property {ValueText.Quote(other)} is required when {ValueText.Quote(property)} is present");
                }
            }
        }

        return valid;
    }
}
