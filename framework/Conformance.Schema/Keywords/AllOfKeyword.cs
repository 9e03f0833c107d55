using System.Globalization;
using System.Text.Json;
using Conformance.Schema.Evaluation;

namespace Conformance.Schema.Keywords;

/// <summary><c>allOf</c>: every subschema is valid; the failing subschemas report their own errors.</summary>
internal sealed class AllOfKeyword(string location, SchemaNode[] schemas) : Keyword("allOf", location)
{
    private readonly string[] segments = [.. Enumerable.Range(0, schemas.Length).Select(i => "allOf/" + i.ToString(CultureInfo.InvariantCulture))];

    public override IEnumerable<SchemaNode> InPlace => schemas;

    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        var valid = true;
        for (var i = 0; i < schemas.Length; i++)
        {
            context.PushKeyword(segments[i]);
            var branchValid = SchemaNode.EvaluateInPlace(schemas[i], instance, context, annotations);
            context.PopKeyword();
            if (!branchValid)
            {
                valid = false;
                if (!context.Collect)
                {
                    return false;
                }
            }
        }

        return valid;
    }
}
