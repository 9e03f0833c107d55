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
            operation.Body?.ToJsonString(),
            operation.Body is null ? null : "application/json",
            credential);
    }

    public static string ExpandPath(string template, IReadOnlyDictionary<string, string> values) =>
        PathParameter().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? Uri.EscapeDataString(v) : m.Value);

    /// <summary>A path parameter of an operation's path template, <c>{id}</c>; group 1 is its name.</summary>
    [GeneratedRegex(@"\{([^}/]+)\}")]
    public static partial Regex PathParameter();
}
