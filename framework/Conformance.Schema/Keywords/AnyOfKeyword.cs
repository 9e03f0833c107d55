using System.Globalization;
using System.Text.Json;
using Conformance.Schema.Evaluation;

namespace Conformance.Schema.Keywords;

/// <summary><c>anyOf</c>: at least one subschema is valid. On failure each branch's errors are reported too.</summary>
internal sealed class AnyOfKeyword(string location, SchemaNode[] schemas) : Keyword("anyOf", location)
{
    private readonly string[] segments = [.. Enumerable.Range(0, schemas.Length).Select(i => "anyOf/" + i.ToString(CultureInfo.InvariantCulture))];

    public override IEnumerable<SchemaNode> InPlace => schemas;

    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        var collect = context.Collect;
        context.Collect = false;
        var valid = false;
        for (var i = 0; i < schemas.Length; i++)
        {
            context.PushKeyword(segments[i]);
            var branchValid = SchemaNode.EvaluateInPlace(schemas[i], instance, context, annotations);
            context.PopKeyword();
            if (branchValid)
            {
                valid = true;
                if (annotations is null)
                {
                    break;
                }
            }
        }

        context.Collect = collect;
        if (!valid && collect)
        {
            context.AddError(this, string.Create(CultureInfo.InvariantCulture, $"value does not match any of the {schemas.Length} schemas in \"anyOf\""));
            BranchErrors.Report(schemas, segments, instance, context);
        }

        return valid;
    }
}
