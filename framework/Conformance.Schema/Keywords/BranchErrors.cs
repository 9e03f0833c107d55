using System.Text.Json;
using Conformance.Schema.Evaluation;

namespace Conformance.Schema.Keywords;

/// <summary>Re-runs failed anyOf/oneOf branches on the error pass so their own errors are reported under the applicator.</summary>
internal static class BranchErrors
{
    public static void Report(SchemaNode[] schemas, string[] segments, JsonElement instance, EvalContext context)
    {
        for (var i = 0; i < schemas.Length; i++)
        {
            context.PushKeyword(segments[i]);
            SchemaNode.EvaluateChild(schemas[i], instance, context);
            context.PopKeyword();
        }
    }
}
