using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Keywords;

/// <summary><c>propertyNames</c>: every property name, as a string instance, is valid against the schema.</summary>
internal sealed class PropertyNamesKeyword(string location, SchemaNode schema) : Keyword("propertyNames", location)
{
    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        var collect = context.Collect;
        foreach (var property in instance.EnumerateObject())
        {
            var name = property.Name;
            context.Collect = false;
            var nameValid = SchemaNode.EvaluateChild(schema, JsonSerializer.SerializeToElement(name), context);
            context.Collect = collect;
            if (!nameValid)
            {
                valid = false;
                if (!collect)
                {
                    return false;
                }

                context.AddError(this, $"property name {ValueText.Quote(name)} does not match the \"propertyNames\" schema");
            }
        }

        return valid;
    }
}
