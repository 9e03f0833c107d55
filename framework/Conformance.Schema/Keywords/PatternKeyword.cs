using System.Text.Json;
using System.Text.RegularExpressions;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Keywords;

/// <summary><c>pattern</c>: ECMA-262-style search (unanchored); a regex timeout is a validation failure.</summary>
internal sealed class PatternKeyword(string location, string pattern, EcmaRegex regex) : Keyword("pattern", location)
{
    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        bool matched;
        try
        {
            matched = JsonStrings.Test(instance, regex, static (r, text) => r.IsMatch(text));
        }
        catch (RegexMatchTimeoutException)
        {
            context.AddError(this, $"pattern {ValueText.Quote(pattern)} timed out after {(int)regex.MatchTimeout.TotalMilliseconds} ms on {ValueText.Show(instance)}");
            return false;
        }

        if (!matched)
        {
            context.AddError(this, $"{ValueText.Show(instance)} does not match pattern {ValueText.Quote(pattern)}");
        }

        return matched;
    }
}
