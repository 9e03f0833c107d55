using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Contracts;
using Conformance.Diagnostics;

namespace Conformance.Probing.Scenarios;

/// <summary>
/// The checks of a <c>custom</c> row's <c>with:</c>, at load: each value the probe would otherwise drop (<c>headers: [X-Trace]</c>,
/// <c>query: "a=b"</c>), send as JSON text (<c>path: [a]</c>), send literally (<c>{nope}</c> in a path) or read as its
/// opposite (<c>auth: no</c>, which YAML 1.2 reads as text, so the credential would be sent) is a CT0115 problem.
/// </summary>
internal static class CustomArguments
{
    public static ScenarioProblem? Check(Operation operation, IReadOnlyDictionary<string, JsonNode?> with) =>
        Auth(with) ?? Text(with, "method") ?? Method(with) ?? Text(with, "contentType") ?? Path(operation, with) ?? NameValues(with, "query") ?? NameValues(with, "headers");

    private static ScenarioProblem? Auth(IReadOnlyDictionary<string, JsonNode?> with)
    {
        if (!with.TryGetValue("auth", out var auth) || (auth is JsonValue v && (v.GetValueKind() is JsonValueKind.True or JsonValueKind.False || (v.TryGetValue<string>(out var s) && s is "true" or "false"))))
        {
            return null;
        }

        return new ScenarioProblem($"'auth' of scenario 'custom' must be true or false, found {Show(auth)}",
            "only false sends the probe without the credential, so any other value (no, off, 0, empty) would send it", "Write auth: false to send no credential, or remove auth: to send it.");
    }

    /// <summary>A method the probe client cannot send (<c>FETCH</c>) would stop the case with an exception when it runs.</summary>
    private static ScenarioProblem? Method(IReadOnlyDictionary<string, JsonNode?> with) =>
        with.TryGetValue("method", out var node) && node?.GetValue<string>() is { } method && !Targets.RestRequestFactory.Methods.Contains(method.ToUpperInvariant())
            ? new ScenarioProblem($"Method '{method}' of scenario 'custom' cannot be sent", $"the probe client sends {string.Join(", ", Targets.RestRequestFactory.Methods)}", $"Use one of them.{DidYouMean.Suffix(method.ToUpperInvariant(), Targets.RestRequestFactory.Methods)}")
            : null;

    private static ScenarioProblem? Text(IReadOnlyDictionary<string, JsonNode?> with, string key) =>
        with.TryGetValue(key, out var node) && !(node is JsonValue v && v.GetValueKind() == JsonValueKind.String) ? Single(key, node) : null;

    private static ScenarioProblem? Path(Operation operation, IReadOnlyDictionary<string, JsonNode?> with)
    {
        if (!with.TryGetValue("path", out var node))
        {
            return null;
        }

        if (node is not JsonValue v || !v.TryGetValue<string>(out var path))
        {
            return Single("path", node);
        }

        // ${name} is a variable (VarReader checks it); {name} a parameter of the operation, filled from its params.
        foreach (var name in Baseline.PathParameter().Matches(path).Where(m => m.Index == 0 || path[m.Index - 1] != '$').Select(m => m.Groups[1].Value))
        {
            if (!operation.Params.ContainsKey(name))
            {
                var known = operation.Params.Keys.ToList();
                return new ScenarioProblem($"Path '{path}' of scenario 'custom' names {{{name}}}, which is not a parameter of operation '{operation.Id}'",
                    known.Count == 0 ? "the operation has no params, so it would be sent literally" : $"the operation's params are {string.Join(", ", known)}, so it would be sent literally",
                    $"Name one of its params, or write the value itself in the path.{DidYouMean.Suffix(name, known)}");
            }
        }

        return null;
    }

    private static ScenarioProblem? NameValues(IReadOnlyDictionary<string, JsonNode?> with, string key)
    {
        if (!with.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is not JsonObject map)
        {
            return new ScenarioProblem($"'{key}' of scenario 'custom' must be a mapping of name: value, found {Show(node)}",
                "a list or a single value names no value to send, so it would be dropped and the probe sent without it", $"Write {key}: {{ Name: value }}.");
        }

        foreach (var (name, value) in map)
        {
            if (key == "query" && value is JsonArray items && (items.Count == 0 || items.Any(i => i is not JsonValue)))
            {
                return new ScenarioProblem($"'{key}' of scenario 'custom' gives '{name}' {Show(value)}",
                    items.Count == 0 ? $"an empty list would not send '{name}' at all" : "an item that is a mapping, a list or empty would be sent as its JSON text",
                    $"Write query: {{ {name}: [a, b] }} (each item one value, the name sent once per item), or remove '{name}'.");
            }

            if (value is not JsonValue && !(key == "query" && value is JsonArray))
            {
                return new ScenarioProblem($"'{key}' of scenario 'custom' gives '{name}' {Show(value)}",
                    value is null ? "an empty value would be sent as empty text" : key == "query" ? "a mapping would be sent as its JSON text (a list of single values sends the name once per item)" : "a list or mapping would be sent as its JSON text",
                    $"Write {key}: {{ {name}: <text> }}, quoted if it holds ': ' or '#'.");
            }
        }

        return null;
    }

    private static ScenarioProblem Single(string key, JsonNode? node) =>
        new($"'{key}' of scenario 'custom' must be text, found {Show(node)}", "a list, mapping, number or empty value would be sent as its JSON text", $"Write {key}: <text>, quoted if it holds ': ' or '#'.");

    private static string Show(JsonNode? node) => node switch
    {
        null => "an empty value",
        JsonObject => $"the mapping {node.ToJsonString()}",
        JsonArray => $"the list {node.ToJsonString()}",
        JsonValue v when v.TryGetValue<string>(out var s) => $"'{s}'",
        _ => $"'{node.ToJsonString()}'",
    };
}
