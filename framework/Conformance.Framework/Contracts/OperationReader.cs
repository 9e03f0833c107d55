using System.Text.RegularExpressions;
using Conformance.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Conformance.Contracts;

/// <summary>Reads the operations of api.yaml; a broken operation is reported and remembered, the others still load.</summary>
internal static class OperationReader
{
    private static readonly string[] Keys = ["method", "path", "params", "query", "headers", "body", "bodyType", "schema", "mutates", "tags", "maxResponseMs", "setup", "description"];
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
    private static readonly string[] VarParts = ["params", "query", "headers", "body"];

    public static Dictionary<string, Operation> ReadAll(YamlMappingNode? node, IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?> vars, string path, DiagnosticBag bag, Dictionary<string, SourceLocation> broken, IReadOnlyDictionary<(int Line, int Column), BrokenEntry>? unreadable = null)
    {
        var result = new Dictionary<string, Operation>(StringComparer.Ordinal);
        if (node is null)
        {
            return result;
        }

        foreach (var (key, value) in node.Children)
        {
            var id = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (unreadable is not null && unreadable.TryGetValue(((int)key.Start.Line, (int)key.Start.Column), out var entry) && entry.Collection == "operations")
            {
                // Not valid YAML (YamlRecovery emptied it): its own errors, and the rows that use it say it could not load.
                bag.AddRange(entry.Diagnostics);
                broken.TryAdd(id, entry.Diagnostics[0].Location);
                continue;
            }

            var before = bag.Count;
            var op = value is YamlMappingNode map ? Read(id, map, vars, path, bag) : null;

            if (value is not YamlMappingNode)
            {
                bag.Error(ErrorCodes.WrongNodeType, path, value, $"Operation '{id}' must be a mapping", $"found a {YamlMap.Kind(value)}");
            }

            if (op is null || bag.Count > before)
            {
                broken.TryAdd(id, bag.Count > before ? bag.Items[before].Location : DiagnosticBag.At(path, key));

                continue;
            }

            result[id] = op;
        }

        SetupReader.Check(result, broken, bag);
        return result;
    }

    /// <summary>The operation, or null; every <c>${name}</c> of its params, query, headers and body is checked as well.</summary>
    private static Operation? Read(string id, YamlMappingNode node, IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?> vars, string path, DiagnosticBag bag)
    {
        var map = new YamlMap(node, path, bag, Keys, $"operation '{id}'");
        var setup = SetupReader.Read(map, vars, id);
        var operation = Build(id, node, map, path, bag) is { } built ? built with { Setup = setup } : null;
        foreach (var part in VarParts)
        {
            VarReader.CheckUses(map.Get(part), vars, path, bag);
        }

        return operation;
    }

    private static Operation? Build(string id, YamlMappingNode node, YamlMap map, string path, DiagnosticBag bag)
    {
        var method = map.String("method", required: true, owner: $"operation '{id}'")?.ToUpperInvariant();
        var template = map.String("path", required: true, owner: $"operation '{id}'");
        if (method is null || template is null)
        {
            return null;
        }

        if (!Methods.Contains(method))
        {
            bag.Error(ErrorCodes.InvalidValue, map.Location("method"), $"Unknown HTTP method '{method}'", $"a method is one of {string.Join(", ", Methods)}",
                $"Fix the method.{DidYouMean.Suffix(method, Methods)}");
        }

        if (VarReader.Use().Match(template) is { Success: true } use)
        {
            var name = use.Groups[1].Value;
            bag.Error(ErrorCodes.InvalidValue, map.Location("path"), $"Variable '{use.Value}' in the path of operation '{id}'", "a path names its parameters in braces and params: gives their values",
                $"Write the path with {{{name}}} and params: {{ {name}: \"{use.Value}\" }}.");
            return null;
        }

        var parameters = map.StringMap("params");
        var named = Probing.Baseline.PathParameter().Matches(template).Select(m => m.Groups[1].Value).ToList();
        // A misspelt params: (parmas:) is reported once, as the unknown key with its did-you-mean, not again as each sample missing.
        foreach (var name in map.MisspeltAs("params") is null ? named.Where(n => !parameters.ContainsKey(n)) : [])
        {
            // A params key the path does not name is most likely this one misspelt.
            var unused = parameters.Keys.Where(k => !named.Contains(k, StringComparer.OrdinalIgnoreCase));
            var rename = DidYouMean.Closest(name, unused) is { } close ? $", or rename params' '{close}' (no {{{close}}} in the path) to '{name}'" : string.Empty;
            bag.Error(ErrorCodes.MissingKey, map.Location("path"), $"Path parameter '{name}' of operation '{id}' has no sample value",
                "the baseline request must be complete", $"Add params: {{ {name}: <value> }}{rename}.");
        }

        var missing = named.Any(n => !parameters.ContainsKey(n));
        if (!missing && parameters.Keys.FirstOrDefault(k => !named.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } stray)
        {
            // params: fills the path's {name}s alone: a query parameter written there would never be sent.
            bag.Error(ErrorCodes.UnknownKey, map.Location("params"), $"Param '{stray}' of operation '{id}' is not in its path {template}",
                "params: gives the values of the path's {name}s, so this one would not be sent", $"Move it to query: {{ {stray}: ... }}, or add {{{stray}}} to the path.");
            return null;
        }

        var query = QueryReader.Read(id, map);
        var body = map.Get("body") is { } b && !YamlMap.IsNull(b) ? YamlJson.ToJson(b) : null;
        var mutates = map.Bool("mutates") ?? Targets.Mutation.IsMutating(method);
        var bodyType = FormBodyReader.Read(id, map) ?? BodyType.Json;
        return new Operation(id, method, template, parameters, query, map.StringMap("headers"), body, map.String("schema"), mutates, DiagnosticBag.At(path, node), map.Location("schema"))
        {
            Tags = Tables.TagsReader.Read(map, bag),
            BodyType = bodyType,
            MaxResponseMs = map.WholeNumber("maxResponseMs", Checks.ResponseTimes.Max),
        };
    }

}
