using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Keywords;

/// <summary><c>enum</c>: the instance equals one of the listed values (JSON equality).</summary>
internal sealed class EnumKeyword(string location, JsonElement values) : Keyword("enum", location)
{
    private readonly JsonElement[] allowed = [.. values.EnumerateArray()];
    private readonly string[] strings = [.. values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)];
    private readonly bool onlyStrings = values.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String);

    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (Matches(instance))
        {
            return true;
        }

        context.AddError(this, $"{ValueText.Show(instance)} is not one of {ValueText.Show(values, 200)}");
        return false;
    }

    private bool Matches(JsonElement instance)
    {
        if (instance.ValueKind == JsonValueKind.String)
        {
            foreach (var text in strings)
            {
                if (instance.ValueEquals(text))
                {
                    return true;
                }
            }

            return false;
        }

        if (onlyStrings)
        {
            return false;
        }

        foreach (var value in allowed)
        {
            if (JsonEquality.AreEqual(instance, value))
            {
                return true;
            }
        }

        return false;
    }
}
