using System.Text.Json;
using Conformance.Schema.Evaluation;

namespace Conformance.Schema.Keywords;

/// <summary>
/// 2020-12 <c>$dynamicRef</c>: resolves like $ref; if that target carries the <c>$dynamicAnchor</c> named by the
/// fragment, the outermost resource in the dynamic scope with the same dynamic anchor wins.
/// </summary>
internal sealed class DynamicRefKeyword(string location, SchemaNode target, string? anchor) : Keyword("$dynamicRef", location)
{
    /// <summary>The dynamic anchor the fragment names, when the reference may resolve through the dynamic scope.</summary>
    public string? Anchor => anchor;

    public override IEnumerable<SchemaNode> InPlace => [target];

    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        var resolved = target;
        if (anchor is not null && target.Resource.DynamicAnchors.TryGetValue(anchor, out var own) && own == target)
        {
            for (var i = 0; i < context.ScopeDepth; i++)
            {
                if (context.ScopeAt(i).DynamicAnchors.TryGetValue(anchor, out var outer))
                {
                    resolved = outer;
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
