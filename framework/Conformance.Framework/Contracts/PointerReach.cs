using System.Text.Json;
using Conformance.Diagnostics;
using Conformance.Tables;

namespace Conformance.Contracts;

/// <summary>
/// CT0119 for the simple case: a body assertion whose first pointer token names a property the row's schema forbids
/// (a root object with <c>properties</c> and <c>additionalProperties: false</c>, no <c>$ref</c> or combinators at the root).
/// </summary>
internal static class PointerReach
{
    private static readonly string[] Opaque = ["$ref", "$dynamicRef", "allOf", "anyOf", "oneOf", "if", "patternProperties", "unevaluatedProperties"];

    /// <param name="closed">The pack's schemas read so far (file -> allowed names, or null), shared by its rows: each file is read once a load.</param>
    public static IEnumerable<Diagnostic> Check(ApiPack pack, StatusRow row, Dictionary<string, List<string>?> closed)
    {
        foreach (var assertion in row.Body.Where(a => a.Pointer.Length > 0 && a.Rule != BodyRule.Absent))
        {
            var first = JsonPointer.Tokens(assertion.Pointer)[0];
            foreach (var schema in row.Expected.Select(s => BodySchemaResolver.Resolve(pack, row, s)).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                var file = Path.Combine(pack.Folder, schema);
                var allowed = closed.TryGetValue(file, out var known) ? known : closed[file] = ClosedProperties(file);
                if (allowed is not null && !allowed.Contains(first))
                {
                    var names = allowed.Count == 0 ? "no properties" : string.Join(", ", allowed);
                    yield return new Diagnostic(ErrorCodes.PointerCannotMatch.Code, assertion.Location,
                        $"Pointer '{assertion.Pointer}' can never match a body meeting {schema}",
                        $"the schema allows only {names} at the top level (additionalProperties: false)",
                        $"Point at one of {names}, or fix the schema.{DidYouMean.Suffix(first, allowed)}");
                    break;
                }
            }
        }
    }

    /// <summary>The property names a closed root object allows, or null when the schema is not that simple.</summary>
    private static List<string>? ClosedProperties(string file)
    {
        try
        {
            using var doc = JsonDocument.Parse(Files.WholeFile.Text(file, Files.FileKind.Pack)); // the catalog reports a refused file
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Opaque.Any(k => root.TryGetProperty(k, out _))
                || !root.TryGetProperty("additionalProperties", out var additional) || additional.ValueKind != JsonValueKind.False)
            {
                return null;
            }

            return root.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                ? properties.EnumerateObject().Select(p => p.Name).ToList()
                : [];
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
