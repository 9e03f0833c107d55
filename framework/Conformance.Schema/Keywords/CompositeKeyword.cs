using System.Text.Json;
using Conformance.Schema.Evaluation;

namespace Conformance.Schema.Keywords;

/// <summary>Several evaluators behind one keyword (draft-04..07 <c>dependencies</c> mixing array and schema forms).</summary>
internal sealed class CompositeKeyword(string name, string location, Keyword[] parts) : Keyword(name, location)
{
    public override IEnumerable<SchemaNode> InPlace => parts.SelectMany(p => p.InPlace);

    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        var valid = true;
        foreach (var part in parts)
        {
            if (!part.Evaluate(instance, context, annotations))
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
