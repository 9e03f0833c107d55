using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.Probing;
using Conformance.Tables;

namespace Conformance.Checks;

/// <summary><c>body_value_conformance</c>: the row's assertions on body values by JSON Pointer, and <c>emptyBody</c>.</summary>
internal sealed class BodyValueConformanceCheck : ICheck
{
    public string Id => "body_value_conformance";

    public CheckResult Evaluate(CheckContext context)
    {
        if (context.Row.Body.Count == 0 && !context.Row.EmptyBody)
        {
            return CheckResult.Skip(Id, "The row asserts no body values.");
        }

        if (!context.StatusExpected)
        {
            return CheckResult.Skip(Id, "Status differs from the row; value assertions apply to the expected response only.");
        }

        if (context.Row.EmptyBody)
        {
            return context.Body.IsEmpty
                ? CheckResult.Pass(Id, "Body is empty as expected.")
                : CheckResult.Fail(Id, $"Body should be empty / Received: {context.Response.Body.Length} bytes starting {BodySchemaConformanceCheck.Snippet(context.Response.BodyText)}");
        }

        if (context.Body.Json is not { } json)
        {
            return CheckResult.Fail(Id, $"Body values cannot be read / Expected: a JSON body / Received: {(context.Body.IsEmpty ? "an empty body" : "a body that is not JSON")}");
        }

        var failures = context.Row.Body.Select(a => Evaluate(a, json)).OfType<string>().ToList();
        return failures.Count == 0
            ? CheckResult.Pass(Id, $"{context.Row.Body.Count} body value(s) as expected.")
            : CheckResult.Fail(Id, $"Body value mismatch / {failures.Count} of {context.Row.Body.Count} assertion(s) failed", failures);
    }

    private static string? Evaluate(BodyAssertion assertion, JsonElement root)
    {
        var found = JsonPointer.TryResolve(root, assertion.Pointer, out var value);
        var at = assertion.Pointer.Length == 0 ? "(root)" : assertion.Pointer;
        return assertion.Rule switch
        {
            BodyRule.Exists => found ? null : $"{at}: expected to be present, but it is missing",
            BodyRule.Absent => found ? $"{at}: expected to be absent, but it is {value.GetRawText()}" : null,
            _ when !found => $"{at}: expected a value that {assertion.Describe()}, but it is missing",
            BodyRule.EqualTo => Same(value, assertion.Values[0]) ? null : $"{at}: expected {JsonText.Of(assertion.Values[0])}, received {value.GetRawText()}",
            BodyRule.OneOf => assertion.Values.Any(v => Same(value, v)) ? null : $"{at}: expected one of [{string.Join(", ", assertion.Values.Select(JsonText.Of))}], received {value.GetRawText()}",
            _ => MatchesRegex(assertion.Pattern!, value) ? null : $"{at}: expected a value matching \"{assertion.Pattern}\", received {value.GetRawText()}",
        };
    }

    private static bool Same(JsonElement actual, JsonNode? expected)
    {
        var node = JsonNode.Parse(actual.GetRawText());
        return JsonNode.DeepEquals(node, expected)
            || (expected is JsonValue ev && ev.GetValueKind() == JsonValueKind.Number && actual.ValueKind == JsonValueKind.Number && SameNumber(actual.GetRawText(), ev.ToJsonString()));
    }

    /// <summary>Two JSON numbers with the same value however written (1, 1.0, 1e0, 10E-1), compared exactly, never as doubles.</summary>
    private static bool SameNumber(string a, string b) => Exact(a) is { } x && Exact(b) is { } y && x == y;

    /// <summary>A JSON number as digits and an exponent, trailing zeros removed: 1.50e1 -> ("15", 0).</summary>
    private static (bool Negative, string Digits, int Exponent)? Exact(string number)
    {
        var negative = number.StartsWith('-');
        var text = negative ? number[1..] : number;
        var e = text.IndexOfAny(['e', 'E']);
        var exponent = 0;
        if (e >= 0 && !int.TryParse(text[(e + 1)..], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out exponent))
        {
            return null;
        }

        var mantissa = e >= 0 ? text[..e] : text;
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot >= 0 ? mantissa.Remove(dot, 1) : mantissa;
        exponent -= dot >= 0 ? mantissa.Length - dot - 1 : 0;
        digits = digits.TrimStart('0');
        var trimmed = digits.TrimEnd('0');
        exponent += digits.Length - trimmed.Length;
        return trimmed.Length == 0 ? (false, "0", 0) : (negative, trimmed, exponent);
    }

    private static bool MatchesRegex(Regex regex, JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
