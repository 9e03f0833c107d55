using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Conformance.Contracts;

/// <summary>
/// Reads <c>vars:</c> of api.yaml (name -> default value, the one the embedded reference API honors) and checks each
/// <c>${name}</c> written in an operation's params, query, headers or body, in defaults.headers or in a row's with: names one of them.
/// </summary>
internal static partial class VarReader
{
    public static Dictionary<string, JsonNode?> Read(YamlMap map)
    {
        var vars = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (map.Mapping("vars") is not { } node)
        {
            return vars;
        }

        foreach (var (key, value) in node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!Name().IsMatch(name))
            {
                map.Bag.Error(ErrorCodes.InvalidValue, map.Path, key, $"Variable name '{name}' is not a name", "a variable is written ${name} and set by <api>.var.<name>: letters, digits and '_', not starting with a digit", "Rename it, e.g. extension_id.");
                continue;
            }

            if (value is not YamlScalarNode || YamlMap.IsNull(value))
            {
                map.Bag.Error(ErrorCodes.WrongNodeType, map.Path, value, $"Variable '{name}' must have a default value", $"found a {YamlMap.Kind(value)}; the default is what the embedded reference API accepts", "Give a string, number or boolean.");
                continue;
            }

            vars[name] = YamlJson.ToJson(value);
        }

        return vars;
    }

    /// <summary>Reports each <c>${name}</c> under <paramref name="node"/> that <paramref name="vars"/> does not declare.</summary>
    public static void CheckUses(YamlNode? node, IReadOnlyDictionary<string, JsonNode?> vars, string path, DiagnosticBag bag)
    {
        switch (node)
        {
            case YamlScalarNode scalar when scalar.Value is { } text && text.Contains("${", StringComparison.Ordinal):
                foreach (Match use in Use().Matches(text))
                {
                    var name = use.Groups[1].Value;
                    if (!vars.ContainsKey(name))
                    {
                        var known = vars.Count == 0 ? "api.yaml declares no vars" : $"the vars are {string.Join(", ", vars.Keys)}";
                        bag.Error(ErrorCodes.UnknownVariable, path, scalar, $"Unknown variable '${{{name}}}'", known,
                            $"Declare it under vars: with its default value, or fix the name.{DidYouMean.Suffix(name, vars.Keys)}");
                    }
                }

                break;
            case YamlMappingNode mapping:
                foreach (var (_, value) in mapping.Children)
                {
                    CheckUses(value, vars, path, bag);
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    CheckUses(item, vars, path, bag);
                }

                break;
            default:
                break;
        }
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Name();

    /// <summary>A use, <c>${name}</c>; <c>$${name}</c> is an escape for the literal text, not a use.</summary>
    [GeneratedRegex(@"(?<!\$)\$\{([^}]*)\}")]
    internal static partial Regex Use();
}
