using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Keywords;

/// <summary><c>multipleOf</c>: exact in decimal where possible, double otherwise (overflow means "not a multiple").</summary>
internal sealed class MultipleOfKeyword(string location, decimal? divisor, double divisorDouble, string text) : Keyword("multipleOf", location)
{
    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Number || IsMultiple(instance))
        {
            return true;
        }

        context.AddError(this, $"{ValueText.Show(instance)} is not a multiple of {text}");
        return false;
    }

    private bool IsMultiple(JsonElement instance)
    {
        if (divisor is { } d && instance.TryGetDecimal(out var value))
        {
            try
            {
                return value % d == 0;
            }
            catch (OverflowException)
            {
                // fall through to double arithmetic
            }
        }

        var quotient = instance.GetDouble() / divisorDouble;
        return double.IsFinite(quotient) && Math.Abs(quotient - Math.Round(quotient)) < 1e-9;
    }
}
