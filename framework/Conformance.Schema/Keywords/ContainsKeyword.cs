using System.Globalization;
using System.Text.Json;
using Conformance.Schema.Evaluation;

namespace Conformance.Schema.Keywords;

/// <summary><c>contains</c> with <c>minContains</c>/<c>maxContains</c> folded in.</summary>
internal sealed class ContainsKeyword(string location, SchemaNode schema, int min, int? max, bool annotatesItems) : Keyword("contains", location)
{
    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        var collect = context.Collect;
        context.Collect = false;
        var matches = 0;
        var index = 0;
        var needAll = max is not null || (annotations is not null && annotatesItems);
        foreach (var item in instance.EnumerateArray())
        {
            if (SchemaNode.EvaluateChild(schema, item, context))
            {
                matches++;
                if (annotatesItems)
                {
                    annotations?.AddItem(index);
                }

                if (matches >= min && !needAll)
                {
                    break;
                }
            }

            index++;
        }

        context.Collect = collect;
        if (matches < min)
        {
            context.AddError(this, min == 1
                ? "no item matches the \"contains\" schema"
                : string.Create(CultureInfo.InvariantCulture, $"{matches} items match \"contains\", fewer than minContains {min}"));
            return false;
        }

        if (matches > max)
        {
            context.AddError(this, string.Create(CultureInfo.InvariantCulture, $"{matches} items match \"contains\", more than maxContains {max}"));
            return false;
        }

        return true;
    }
}
