using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Keywords;

/// <summary><c>properties</c>: each named property present in the instance is validated by its schema.</summary>
internal sealed class PropertiesKeyword(string location, PropertySet names, SchemaNode[] schemas) : Keyword("properties", location)
{
    private readonly string[] segments = [.. Enumerable.Range(0, names.Count).Select(i => "properties/" + JsonPointer.Escape(names[i]))];

    public PropertySet Names => names;

    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var property in instance.EnumerateObject())
        {
            var i = names.IndexOf(property);
            if (i < 0)
            {
                continue;
            }

            context.PushKeyword(segments[i]);
            context.PushProperty(names[i]);
            var propertyValid = SchemaNode.EvaluateChild(schemas[i], property.Value, context);
            context.PopInstance();
            context.PopKeyword();
            annotations?.AddProperty(names[i]);
            if (!propertyValid)
            {
                valid = false;
                if (!context.Collect)
                {
                    return false;
                }
            }
        }

        return valid;
    }
}
