using System.Text.Json;
using System.Text.RegularExpressions;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Keywords;

/// <summary><c>additionalProperties</c>: properties matched by neither sibling <c>properties</c> nor <c>patternProperties</c>.</summary>
internal sealed class AdditionalPropertiesKeyword(string location, SchemaNode schema, bool isFalse, PropertySet? known, IReadOnlyList<EcmaRegex> patterns)
    : Keyword("additionalProperties", location)
{
    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var property in instance.EnumerateObject())
        {
            if (known is not null && known.IndexOf(property) >= 0)
            {
                continue;
            }

            var name = property.Name;
            if (patterns.Count > 0 && MatchesPattern(name))
            {
                continue;
            }

            var propertyValid = EvaluateProperty(schema, isFalse, property, context, "additional");

            annotations?.AddProperty(name);
            if (!propertyValid)
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

    private bool MatchesPattern(string name)
    {
        foreach (var pattern in patterns)
        {
            try
            {
                if (pattern.IsMatch(name))
                {
                    return true;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
