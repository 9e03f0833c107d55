using System.Globalization;
using System.Text.Json;
using Conformance.Schema.Evaluation;

namespace Conformance.Schema.Keywords;

/// <summary>
/// One schema applied to every item from <c>start</c> on: 2020-12 <c>items</c>, draft-04..2019-09 schema-form
/// <c>items</c> (start 0) and <c>additionalItems</c> (start = length of the <c>items</c> array).
/// </summary>
internal sealed class ItemsKeyword(string name, string location, SchemaNode schema, int start) : Keyword(name, location)
{
    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        var valid = true;
        var index = 0;
        context.PushKeyword(Name);
        foreach (var item in instance.EnumerateArray())
        {
            if (index >= start)
            {
                context.PushIndex(index);
                var itemValid = SchemaNode.EvaluateChild(schema, item, context);
                context.PopInstance();
                if (!itemValid)
                {
                    valid = false;
                    if (!context.Collect)
                    {
                        break;
                    }
                }
            }

            index++;
        }

        context.PopKeyword();
        if (valid && annotations is not null && index > start)
        {
            annotations.AllItems = true;
        }

        return valid;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} from {start}");
}
