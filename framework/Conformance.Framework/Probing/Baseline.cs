using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.Contracts;

namespace Conformance.Probing;

/// <summary>Builds an operation's valid baseline request from api.yaml.</summary>
public static partial class Baseline
{
    public static ProbeRequest Build(ApiPack pack, Operation operation, string? credential)
    {
        var headers = new Dictionary<string, string>(pack.DefaultHeaders, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in operation.Headers)
        {
            headers[name] = value;
        }

        return new ProbeRequest(
            operation.Method,
            ExpandPath(operation.Path, operation.Params),
            operation.Query,
            headers.ToList(),
            operation.Body is null ? null : Encode(operation, operation.Body),
            operation.Body is null ? null : ContentType(operation),
            credential);
    }

    /// <summary>A body of <paramref name="operation"/> (its baseline's, or one a scenario edited) as the operation sends it: JSON or a form.</summary>
    public static string Encode(Operation operation, JsonNode? body) =>
        operation.BodyType == BodyType.Form ? FormEncoding.Encode(body) : JsonText.Of(body);

    /// <summary>The Content-Type of <paramref name="operation"/>'s body.</summary>
    public static string ContentType(Operation operation) => operation.BodyType == BodyType.Form ? FormEncoding.ContentType : "application/json";

    /// <summary>The baseline with <paramref name="body"/>, encoded as <paramref name="operation"/> sends its body.</summary>
    public static ProbeRequest WithBody(ProbeRequest baseline, Operation operation, JsonNode? body) =>
        baseline.WithBody(Encode(operation, body), ContentType(operation));

    public static string ExpandPath(string template, IReadOnlyDictionary<string, string> values) =>
        PathParameter().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? Uri.EscapeDataString(v) : m.Value);

    /// <summary>A path parameter of an operation's path template, <c>{id}</c>; group 1 is its name.</summary>
    [GeneratedRegex(@"\{([^}/]+)\}")]
    public static partial Regex PathParameter();
}
