using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Keywords;

/// <summary><c>const</c>: the instance equals the value (JSON equality).</summary>
internal sealed class ConstKeyword(string location, JsonElement value) : Keyword("const", location)
{
    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (JsonEquality.AreEqual(instance, value))
        {
            return true;
        }

        context.AddError(this, $"{ValueText.Show(instance)} does not equal the constant {ValueText.Show(value)}");
        return false;
    }
}
