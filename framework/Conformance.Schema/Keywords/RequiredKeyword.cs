using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Keywords;

/// <summary><c>required</c>: every listed property is present.</summary>
internal sealed class RequiredKeyword(string location, string[] names) : Keyword("required", location)
{
    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var name in names)
        {
            if (!instance.TryGetProperty(name, out _))
            {
                valid = false;
                if (!context.Collect)
                {
                    return false;
                }

                context.AddError(this, $"required property {ValueText.Quote(name)} is missing");
            }
        }

        return valid;
    }
}
