using System.Globalization;
using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Keywords;

/// <summary><c>maxLength</c>, counted in Unicode code points.</summary>
internal sealed class MaxLengthKeyword(string location, int limit) : Keyword("maxLength", location)
{
    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        var length = JsonStrings.CodePointLength(instance);
        if (length <= limit)
        {
            return true;
        }

        context.AddError(this, string.Create(CultureInfo.InvariantCulture,
            $"{ValueText.Show(instance)} is longer than the maximum length {limit} ({length} characters)"));
        return false;
    }
}
