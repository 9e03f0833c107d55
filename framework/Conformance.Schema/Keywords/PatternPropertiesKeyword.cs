using System.Text.Json;
using System.Text.RegularExpressions;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Keywords;

/// <summary><c>patternProperties</c>: every property whose name matches a pattern is validated by that pattern's schema.</summary>
internal sealed class PatternPropertiesKeyword(string location, (string Pattern, EcmaRegex Regex, SchemaNode Schema)[] entries) : Keyword("patternProperties", location)
{
    private readonly string[] segments = [.. entries.Select(e => "patternProperties/" + JsonPointer.Escape(e.Pattern))];

    public IReadOnlyList<EcmaRegex> Patterns { get; } = [.. entries.Select(e => e.Regex)];

    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var property in instance.EnumerateObject())
        {
            var name = property.Name;
            for (var i = 0; i < entries.Length; i++)
            {
                if (!Matches(entries[i], name, context))
                {
                    continue;
                }

                context.PushKeyword(segments[i]);
                context.PushProperty(name);
                var propertyValid = SchemaNode.EvaluateChild(entries[i].Schema, property.Value, context);
                context.PopInstance();
                context.PopKeyword();
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
        }

        return valid;
    }

    private bool Matches((string Pattern, EcmaRegex Regex, SchemaNode Schema) entry, string name, EvalContext context)
    {
        try
        {
            return entry.Regex.IsMatch(name);
        }
        catch (RegexMatchTimeoutException)
        {
            context.AddError(this, $"pattern {ValueText.Quote(entry.Pattern)} timed out on property name {ValueText.Quote(name)}");
            return false;
        }
    }
}
