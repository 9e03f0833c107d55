using System.Globalization;
using System.Text.Json;
using Conformance.Schema.Evaluation;

namespace Conformance.Schema.Keywords;

/// <summary><c>oneOf</c>: exactly one subschema is valid.</summary>
internal sealed class OneOfKeyword(string location, SchemaNode[] schemas) : Keyword("oneOf", location)
{
    private readonly string[] segments = [.. Enumerable.Range(0, schemas.Length).Select(i => "oneOf/" + i.ToString(CultureInfo.InvariantCulture))];

    public override IEnumerable<SchemaNode> InPlace => schemas;

    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        var collect = context.Collect;
        context.Collect = false;
        var first = -1;
        var second = -1;
        for (var i = 0; i < schemas.Length && second < 0; i++)
        {
            context.PushKeyword(segments[i]);
            var branchValid = SchemaNode.EvaluateInPlace(schemas[i], instance, context, annotations);
            context.PopKeyword();
            if (branchValid)
            {
                if (first < 0)
                {
                    first = i;
                }
                else
                {
                    second = i;
                }
            }
        }

        context.Collect = collect;
        if (first >= 0 && second < 0)
        {
            return true;
        }

        if (collect)
        {
            if (first < 0)
            {
                context.AddError(this, string.Create(CultureInfo.InvariantCulture, $"value does not match any of the {schemas.Length} schemas in \"oneOf\""));
                BranchErrors.Report(schemas, segments, instance, context);
            }
            else
            {
                context.AddError(this, string.Create(CultureInfo.InvariantCulture,
                    $"value matches more than one schema in \"oneOf\" (indexes {first} and {second}) but exactly one is required"));
            }
        }

        return false;
    }
}
