using System.Globalization;
using System.Text.Json;
using Conformance.Schema.Evaluation;

namespace Conformance.Schema.Keywords;

/// <summary><c>unevaluatedItems</c>: items no adjacent keyword (incl. through applicators and refs) evaluated.</summary>
internal sealed class UnevaluatedItemsKeyword(string location, SchemaNode schema, bool isFalse) : Keyword("unevaluatedItems", location)
{
    public override int Order => 1;

    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        var valid = true;
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            if (annotations is not null && annotations.HasItem(index))
            {
                index++;
                continue;
            }

            bool itemValid;
            if (isFalse)
            {
                itemValid = false;
                context.AddError(this, string.Create(CultureInfo.InvariantCulture, $"unevaluated item {index} is not allowed"));
            }
            else
            {
                context.PushKeyword(Name);
                context.PushIndex(index);
                itemValid = SchemaNode.EvaluateChild(schema, item, context);
                context.PopInstance();
                context.PopKeyword();
            }

            index++;
            if (!itemValid)
            {
                valid = false;
                if (!context.Collect)
                {
                    return false;
                }
            }
        }

        if (valid && annotations is not null)
        {
            annotations.AllItems = true;
        }

        return valid;
    }
}
