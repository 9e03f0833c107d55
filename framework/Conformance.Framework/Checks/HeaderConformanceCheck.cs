using System.Text.RegularExpressions;
using Conformance.Tables;

namespace Conformance.Checks;

/// <summary><c>header_conformance</c>: the row's header assertions (present, absent, pattern, format).</summary>
internal sealed class HeaderConformanceCheck : ICheck
{
    public string Id => "header_conformance";

    public CheckResult Evaluate(CheckContext context)
    {
        if (context.Row.Headers.Count == 0)
        {
            return CheckResult.Skip(Id, "The row asserts no headers.");
        }

        if (!context.StatusExpected)
        {
            return CheckResult.Skip(Id, "Status differs from the row; header assertions apply to the expected response only.");
        }

        var failures = context.Row.Headers.Select(h => Evaluate(h, context)).OfType<string>().ToList();
        return failures.Count == 0
            ? CheckResult.Pass(Id, $"{context.Row.Headers.Count} header(s) as expected.")
            : CheckResult.Fail(Id, $"Header violation / {failures.Count} of {context.Row.Headers.Count} header assertion(s) failed", failures);
    }

    private static string? Evaluate(HeaderAssertion assertion, CheckContext context)
    {
        var value = context.Response.Header(assertion.Name);
        return assertion.Rule switch
        {
            HeaderRule.Present => value is null ? $"{assertion.Name}: expected present, but missing" : null,
            HeaderRule.Absent => value is null ? null : $"{assertion.Name}: expected absent, received '{value}'",
            _ when value is null => $"{assertion.Name}: expected {assertion.Describe()}, but missing",
            HeaderRule.Pattern => SafeMatch(assertion.Pattern!, value) ? null : $"{assertion.Name}: expected {assertion.Describe()}, received '{value}'",
            _ => HeaderFormats.Matches(assertion.Argument!, value) ? null : $"{assertion.Name}: expected {assertion.Describe()}, received '{value}'",
        };
    }

    private static bool SafeMatch(Regex regex, string value)
    {
        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
