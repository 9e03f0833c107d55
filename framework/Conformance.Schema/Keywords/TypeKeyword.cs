using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Keywords;

/// <summary><c>type</c>: one type name or an array of them (draft-04: an integer is written without a fraction or exponent).</summary>
internal sealed class TypeKeyword(string location, IReadOnlyList<string> types, bool integerAsWritten) : Keyword("type", location)
{
    private readonly bool allowObject = types.Contains("object");
    private readonly bool allowArray = types.Contains("array");
    private readonly bool allowString = types.Contains("string");
    private readonly bool allowNumber = types.Contains("number");
    private readonly bool allowInteger = types.Contains("integer");
    private readonly bool allowBoolean = types.Contains("boolean");
    private readonly bool allowNull = types.Contains("null");
    private readonly string expected = string.Join(" or ", types.Select(t => "\"" + t + "\""));

    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        var valid = instance.ValueKind switch
        {
            JsonValueKind.Object => allowObject,
            JsonValueKind.Array => allowArray,
            JsonValueKind.String => allowString,
            JsonValueKind.Number => allowNumber || (allowInteger && JsonNumbers.IsInteger(instance, integerAsWritten)),
            JsonValueKind.True or JsonValueKind.False => allowBoolean,
            _ => allowNull,
        };
        if (!valid && context.Collect)
        {
            var actual = instance.ValueKind == JsonValueKind.Number ? "number" : ValueText.TypeName(instance);
            context.AddError(this, $"expected type {expected} but got {actual} {ValueText.Show(instance)}");
        }

        return valid;
    }
}
