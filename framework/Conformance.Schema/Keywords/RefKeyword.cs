using System.Text.Json;
using Conformance.Schema.Evaluation;

namespace Conformance.Schema.Keywords;

/// <summary><c>$ref</c>: evaluates the referenced schema in place.</summary>
internal sealed class RefKeyword(string location, SchemaNode target) : Keyword("$ref", location)
{
    public override IEnumerable<SchemaNode> InPlace => [target];

    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        context.PushKeyword(Name);
        var valid = SchemaNode.EvaluateInPlace(target, instance, context, annotations);
        context.PopKeyword();
        return valid;
    }
}
