using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Keywords;

/// <summary><c>not</c>: the subschema is invalid. Its annotations are always dropped.</summary>
internal sealed class NotKeyword(string location, SchemaNode schema) : Keyword("not", location)
{
    public override IEnumerable<SchemaNode> InPlace => [schema];

    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        var collect = context.Collect;
        context.Collect = false;
        context.PushKeyword(Name);
        var matched = SchemaNode.EvaluateChild(schema, instance, context);
        context.PopKeyword();
        context.Collect = collect;
        if (matched)
        {
            context.AddError(this, $"{ValueText.Show(instance)} must not match the \"not\" schema");
        }

        return !matched;
    }
}
