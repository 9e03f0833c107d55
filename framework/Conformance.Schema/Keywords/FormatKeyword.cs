using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Keywords;

/// <summary><c>format</c> in assertion mode (only compiled when <see cref="SchemaOptions.FormatAssertion"/> is on).</summary>
internal sealed class FormatKeyword(string location, string format, Func<string, bool> check) : Keyword("format", location)
{
    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.String || check(instance.GetString()!))
        {
            return true;
        }

        context.AddError(this, $"{ValueText.Show(instance)} is not a valid {ValueText.Quote(format)}");
        return false;
    }
}
