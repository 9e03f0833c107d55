using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Keywords;

/// <summary><c>dependentSchemas</c> (and the schema form of draft-04..07 <c>dependencies</c>).</summary>
internal sealed class DependentSchemasKeyword(string name, string location, (string Property, SchemaNode Schema)[] rules) : Keyword(name, location)
{
    private readonly string[] segments = [.. rules.Select(r => name + "/" + JsonPointer.Escape(r.Property))];

    public override IEnumerable<SchemaNode> InPlace => rules.Select(r => r.Schema);

    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        for (var i = 0; i < rules.Length; i++)
        {
            if (!instance.TryGetProperty(rules[i].Property, out _))
            {
                continue;
            }

            context.PushKeyword(segments[i]);
            var ruleValid = SchemaNode.EvaluateInPlace(rules[i].Schema, instance, context, annotations);
            context.PopKeyword();
            if (!ruleValid)
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
