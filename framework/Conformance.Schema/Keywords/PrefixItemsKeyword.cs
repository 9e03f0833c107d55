using System.Globalization;
using System.Text.Json;
using Conformance.Schema.Evaluation;

namespace Conformance.Schema.Keywords;

/// <summary>Positional schemas: 2020-12 <c>prefixItems</c> and array-form <c>items</c> of earlier dialects.</summary>
internal sealed class PrefixItemsKeyword(string name, string location, SchemaNode[] schemas) : Keyword(name, location)
{
    private readonly string[] segments = [.. Enumerable.Range(0, schemas.Length).Select(i => name + "/" + i.ToString(CultureInfo.InvariantCulture))];

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
            if (index >= schemas.Length)
            {
                break;
            }

            context.PushKeyword(segments[index]);
            context.PushIndex(index);
            var itemValid = SchemaNode.EvaluateChild(schemas[index], item, context);
            context.PopInstance();
            context.PopKeyword();
            index++;
            if (!itemValid)
            {
                valid = false;
                if (!context.Collect)
                {
                    break;
                }
            }
        }

        if (valid && annotations is not null)
        {
            annotations.PrefixCount = Math.Max(annotations.PrefixCount, index);
        }

        return valid;
    }
}
