using System.Globalization;
using Conformance.Checks;
using Conformance.Contracts;
using Conformance.Probing;

namespace Conformance.Engine;

/// <summary>
/// A setup's 2xx answer against its operation's <c>schema:</c>: a resource made from a body that breaks its own contract
/// (an id of the wrong type, a field missing) would make the probe's verdict about the setup, not about the operation
/// under test, so the case is broken with the setup's violation instead.
/// </summary>
internal static class SetupContract
{
    private const int MaxListed = 3;

    /// <summary>Why the answer does not meet the schema (<paramref name="prefix"/>, then why), or null when it does or there is none.</summary>
    public static string? Violation(string prefix, string? schemaPath, SchemaCatalog? schemas, ProbeResponse response)
    {
        if (schemaPath is null || schemas?.Find(schemaPath) is not { } schema)
        {
            return null;
        }

        prefix = $"{prefix} answered {response.Status.ToString(CultureInfo.InvariantCulture)} with a body that does not meet {schemaPath}";
        var body = ParsedBody.From(response);
        if (body.Json is not { } json)
        {
            var why = body.IsEmpty ? "the body is empty" : $"the body is not JSON ({body.ParseError})";
            return $"{prefix}: {why}{Environment.NewLine}Body: {CaseSetup.Excerpt(response)}";
        }

        var result = schema.Validate(json);
        if (result.IsValid)
        {
            return null;
        }

        var listed = result.Errors.Take(MaxListed).Select(e => $"{BodySchemaConformanceCheck.Place(e)}: {e.Message}");
        var more = result.Errors.Count > MaxListed ? $" (and {(result.Errors.Count - MaxListed).ToString(CultureInfo.InvariantCulture)} more)" : string.Empty;
        return $"{prefix}: {string.Join("; ", listed)}{more}{Environment.NewLine}Body: {CaseSetup.Excerpt(response)}";
    }
}
