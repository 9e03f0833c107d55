using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Tables;

namespace Conformance.Pact.Export;

/// <summary>
/// Applies a row's own body assertions to the example: <c>equals</c> pins the value exactly, <c>one_of</c> and
/// <c>regex</c> replace the schema's rule there. <c>exists</c> holds when the minimal example has the value;
/// <c>absent</c> and values outside the example are noted, not exported.
/// </summary>
internal static class RowBodyRules
{
    public static void Apply(StatusRow row, JsonNode? example, List<BodyMatcher> matchers, List<string> notes)
    {
        foreach (var assertion in row.Body)
        {
            var tokens = JsonPointer.Tokens(assertion.Pointer);
            var parent = Navigate(example, tokens.Take(tokens.Count - 1));
            var path = PactPath(example, tokens);
            if (tokens.Count == 0 || parent is null || path is null)
            {
                notes.Add($"body {assertion.Pointer} {assertion.Describe()}: not inside the minimal example");
                continue;
            }

            var value = assertion.Rule switch
            {
                BodyRule.EqualTo or BodyRule.OneOf => assertion.Values[0]?.DeepClone(),
                BodyRule.Regex => RegexExample.For(assertion.Pattern!.ToString()) is { } text ? JsonValue.Create(text) : null,
                _ => null,
            };
            if (assertion.Rule is BodyRule.Exists or BodyRule.Absent || (value is null && assertion.Rule == BodyRule.Regex))
            {
                if (assertion.Rule != BodyRule.Exists || Navigate(example, tokens) is null)
                {
                    notes.Add($"body {assertion.Pointer} {assertion.Describe()}: not expressible in the pact");
                }

                continue;
            }

            Set(parent, tokens[^1], value);
            matchers.RemoveAll(m => m.Path == path || m.Path.StartsWith(path + ".", StringComparison.Ordinal) || m.Path.StartsWith(path + "[", StringComparison.Ordinal));
            if (assertion.Rule == BodyRule.OneOf)
            {
                matchers.Add(BodyMatcher.OneOf(path, [.. assertion.Values.Select(v => v is JsonValue s && s.TryGetValue<string>(out var t) ? t : v?.ToJsonString() ?? "null")]));
            }
            else if (assertion.Rule == BodyRule.Regex)
            {
                matchers.Add(BodyMatcher.Regex(path, FullMatch.Of(assertion.Pattern!.ToString())));
            }
        }
    }

    private static JsonNode? Navigate(JsonNode? node, IEnumerable<string> tokens)
    {
        foreach (var token in tokens)
        {
            node = node switch
            {
                JsonObject obj => obj[token],
                JsonArray array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
                _ => null,
            };
        }

        return node;
    }

    private static string? PactPath(JsonNode? example, IReadOnlyList<string> tokens)
    {
        var path = "$";
        var node = example;
        foreach (var token in tokens)
        {
            path = node is JsonArray ? $"{path}[{token}]" : node is JsonObject ? SchemaMatchers.MemberPath(path, token) : null;
            if (path is null)
            {
                return null;
            }

            node = Navigate(node, [token]);
        }

        return path;
    }

    private static void Set(JsonNode parent, string token, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[token] = value;
        }
        else if (parent is JsonArray array)
        {
            array[int.Parse(token, CultureInfo.InvariantCulture)] = value;
        }
    }
}
