using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>
/// An operation's baseline request samples (the JSON body, the parameters) with a note for each thing a person must
/// still write: a value whose <c>pattern</c> no generated text meets.
/// </summary>
internal static class RequestSamples
{
    /// <summary>The request body sample of the first JSON media type, with its schema; null without one.</summary>
    public static (JsonNode? Body, IOpenApiSchema? Schema) Body(OpenApiOperation operation, string id, List<string> notes)
    {
        var content = operation.RequestBody?.Content ?? new Dictionary<string, IOpenApiMediaType>();
        var json = content.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase)).Value;
        if (json is null)
        {
            return (null, null);
        }

        var unmet = new List<UnmetPattern>();
        var body = Samples.Body(json, unmet);
        notes.AddRange(unmet.Select(u => Unmet($"the request body sample of {id}{(u.Pointer.Length > 0 ? " at " + u.Pointer : string.Empty)}", u)));
        return (body, json.Schema);
    }

    /// <summary>The samples of the parameters in <paramref name="location"/> (the last one of a name wins).</summary>
    public static Dictionary<string, string> Values(List<IOpenApiParameter> parameters, ParameterLocation location, bool requiredOnly, string id, List<string> notes)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in parameters.Where(p => p.In == location && p.Name is not null && (!requiredOnly || p.Required)).GroupBy(p => p.Name!, StringComparer.Ordinal).Select(g => g.Last()))
        {
            var unmet = new List<UnmetPattern>();
            values[parameter.Name!] = Samples.Parameter(parameter, unmet);
            notes.AddRange(unmet.Select(u => Unmet($"the sample of {location.ToString().ToLowerInvariant()} parameter '{parameter.Name}' of {id}", u)));
        }

        return values;
    }

    private static string Unmet(string what, UnmetPattern unmet) =>
        $"{what} must match pattern '{unmet.Pattern}' (within its minLength and maxLength), and the importer could not generate such a text: \"{unmet.Drafted}\" was drafted, write a matching value there by hand";
}
