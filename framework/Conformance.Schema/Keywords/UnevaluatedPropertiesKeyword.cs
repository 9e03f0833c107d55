using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Keywords;

/// <summary><c>unevaluatedProperties</c>: properties no adjacent keyword (incl. through applicators and refs) evaluated.</summary>
internal sealed class UnevaluatedPropertiesKeyword(string location, SchemaNode schema, bool isFalse) : Keyword("unevaluatedProperties", location)
{
    public override int Order => 1;

    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        var evaluated = new List<string>();
        foreach (var property in instance.EnumerateObject())
        {
            var name = property.Name;
            if (annotations is not null && annotations.HasProperty(name))
            {
                continue;
            }

            var propertyValid = EvaluateProperty(schema, isFalse, property, context, "unevaluated");

            evaluated.Add(name);
            if (!propertyValid)
            {
                valid = false;
                if (!context.Collect)
                {
                    return false;
                }
            }
        }

        foreach (var name in evaluated)
        {
            annotations?.AddProperty(name);
        }

        return valid;
    }
}
