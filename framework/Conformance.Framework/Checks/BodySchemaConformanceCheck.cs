using System.Globalization;
using Conformance.Schema;

namespace Conformance.Checks;

/// <summary><c>body_schema_conformance</c>: the body meets the contract for the status received.</summary>
internal sealed class BodySchemaConformanceCheck : ICheck
{
    private const int MaxListed = 20;

    public string Id => "body_schema_conformance";

    public CheckResult Evaluate(CheckContext context)
    {
        if (context.Schema is null)
        {
            return CheckResult.Skip(Id, $"No body contract for {context.Status}.");
        }

        var where = $"{context.SchemaPath} (for {context.Status})";
        if (context.Body.IsEmpty && context.BodyOptional)
        {
            return CheckResult.Pass(Id, $"No body, which the contract for {context.Status} allows (body: optional); a body would have to meet {context.SchemaPath}.");
        }

        if (context.Body.IsEmpty)
        {
            return CheckResult.Fail(Id, $"Body schema violation / Expected: a body meeting {where} / Received: an empty body");
        }

        if (context.Body.Json is not { } json)
        {
            var snippet = Snippet(context.Response.BodyText);
            return CheckResult.Fail(Id, $"Body is not JSON / Expected: JSON meeting {where} / Received: {context.Response.ContentType ?? "no Content-Type"} body starting {snippet} ({context.Body.ParseError})");
        }

        var result = context.Schema.Validate(json);
        if (context.Body.DuplicateName is { } duplicate)
        {
            return CheckResult.Fail(Id, $"Body names a member twice / Expected: JSON meeting {where}, each name once per object (RFC 8259 4; I-JSON, RFC 7493 2.3) / Received: {duplicate}; readers disagree which value counts", Details(result));
        }

        if (result.IsValid)
        {
            return CheckResult.Pass(Id, $"Body meets {context.SchemaPath}.");
        }

        return CheckResult.Fail(Id, $"Body schema violation / {result.Errors.Count.ToString(CultureInfo.InvariantCulture)} error(s) against {where}", Details(result));
    }

    /// <summary>Each violation at its place, the first <see cref="MaxListed"/>, then how many more.</summary>
    private static List<string> Details(ValidationResult result)
    {
        var details = result.Errors.Take(MaxListed)
            .Select(e => $"{Place(e)}: {e.Message} [schema {e.KeywordLocation}]").ToList();
        if (result.Errors.Count > MaxListed)
        {
            details.Add($"... and {(result.Errors.Count - MaxListed).ToString(CultureInfo.InvariantCulture)} more");
        }

        return details;
    }

    /// <summary>Where in the body a violation is: its JSON Pointer, or <c>(root)</c>.</summary>
    internal static string Place(ValidationError error) => error.InstanceLocation.Length == 0 ? "(root)" : error.InstanceLocation;

    internal static string Snippet(string text)
    {
        var flat = Probing.VisibleText.Of(text.ReplaceLineEndings(" "));
        return "\"" + (flat.Length > 60 ? flat[..60] + "..." : flat) + "\"";
    }
}
