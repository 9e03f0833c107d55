using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Keywords;

/// <summary>
/// <c>multipleOf</c>, exact for any JSON number: decimal arithmetic where both are plain and it cannot overflow, whole
/// numbers otherwise (so 1e308 is a multiple of 0.5, and 0.3 of 0.1). Only a number of over 2,000 significant digits
/// falls back to double arithmetic.
/// </summary>
internal sealed class MultipleOfKeyword(string location, NumberLimit divisor) : Keyword("multipleOf", location)
{
    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Number || IsMultiple(instance))
        {
            return true;
        }

        context.AddError(this, $"{ValueText.Show(instance)} is not a multiple of {divisor.Text}");
        return false;
    }

    private bool IsMultiple(JsonElement instance)
    {
        if (divisor.Plain is { } plainDivisor && JsonNumbers.TryPlain(instance, out var plain))
        {
            try
            {
                return plain % plainDivisor == 0;
            }
            catch (OverflowException)
            {
                // exactly below
            }
        }

        var exact = ExactNumber.Of(instance);
        if (exact.IsMultipleOf(divisor.Exact) is { } multiple)
        {
            return multiple;
        }

        var quotient = instance.GetDouble() / divisor.Double;
        return double.IsFinite(quotient) && Math.Abs(quotient - Math.Round(quotient)) < 1e-9;
    }
}
