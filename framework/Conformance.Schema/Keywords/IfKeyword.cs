using System.Text.Json;
using Conformance.Schema.Evaluation;

namespace Conformance.Schema.Keywords;

/// <summary><c>if</c>/<c>then</c>/<c>else</c> as one evaluator; <c>if</c> itself never fails.</summary>
internal sealed class IfKeyword(string location, SchemaNode condition, SchemaNode? then, SchemaNode? otherwise) : Keyword("if", location)
{
    public override IEnumerable<SchemaNode> InPlace => new[] { condition, then, otherwise }.OfType<SchemaNode>();

    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        var collect = context.Collect;
        context.Collect = false;
        context.PushKeyword("if");
        var matched = SchemaNode.EvaluateInPlace(condition, instance, context, annotations);
        context.PopKeyword();
        context.Collect = collect;
        var branch = matched ? then : otherwise;
        if (branch is null)
        {
            return true;
        }

        context.PushKeyword(matched ? "then" : "else");
        var valid = SchemaNode.EvaluateInPlace(branch, instance, context, annotations);
        context.PopKeyword();
        return valid;
    }
}
