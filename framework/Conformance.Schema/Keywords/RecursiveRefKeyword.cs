using System.Text.Json;
using Conformance.Schema.Evaluation;

namespace Conformance.Schema.Keywords;

/// <summary>
/// 2019-09 <c>$recursiveRef</c>: resolves like $ref; if the target resource has <c>$recursiveAnchor: true</c>,
/// the outermost resource in the dynamic scope that also has it wins.
/// </summary>
internal sealed class RecursiveRefKeyword(string location, SchemaNode target) : Keyword("$recursiveRef", location)
{
    public override IEnumerable<SchemaNode> InPlace => [target];

    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        var resolved = target;
        if (target.Resource.RecursiveAnchor)
        {
            for (var i = 0; i < context.ScopeDepth; i++)
            {
                var resource = context.ScopeAt(i);
                if (resource.RecursiveAnchor && resource.Root is not null)
                {
                    resolved = resource.Root;
                    break;
                }
            }
        }

        context.PushKeyword(Name);
        var valid = SchemaNode.EvaluateInPlace(resolved, instance, context, annotations);
        context.PopKeyword();
        return valid;
    }
}
