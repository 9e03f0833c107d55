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
    /// <param name="map">api.yaml.</param>
    /// <param name="unreadable">The error of a <c>vars:</c> YAML could not read (left out), else null.</param>
    public static Dictionary<string, JsonNode?> Read(YamlMap map, Diagnostic? unreadable = null)
    {
        var vars = new DeclaredVars();
        if (map.Mapping("vars") is not { } node)
        {
            // A misspelt block (var:) is reported once as an unknown key; each use then says where the vars went.
            vars.Missing = map.MisspeltAs("vars") is { } misspelt ? $"its '{misspelt.Written}:' at {misspelt.Error.Location} is not read as vars:"
                : unreadable is not null ? $"its vars: could not be loaded, api.yaml reports an error for it at {unreadable.Location}" : null;
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
                vars.Broken[name] = new SourceLocation(map.Path, (int)value.Start.Line, (int)value.Start.Column);
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
                    if (vars is DeclaredVars { } declared && declared.Broken.TryGetValue(name, out var at))
                    {
                        bag.Error(ErrorCodes.UnknownVariable, path, scalar, $"Variable '${{{name}}}' could not be loaded", $"api.yaml reports an error for its default at {at}", $"Fix the error at {at} (its own case); this use then loads.");
                    }
                    else if (!vars.ContainsKey(name))
                    {
                        var known = vars.Count > 0 ? $"the vars are {string.Join(", ", vars.Keys)}"
                            : vars is DeclaredVars { Missing: { } missing } ? $"api.yaml declares no vars ({missing})" : "api.yaml declares no vars";
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

/// <summary>The vars api.yaml declares, and why a name used is not among them: its default failed, or the block is misspelt.</summary>
internal sealed class DeclaredVars() : Dictionary<string, JsonNode?>(StringComparer.Ordinal)
{
    /// <summary>Each variable whose default is not a value, and where.</summary>
    public Dictionary<string, SourceLocation> Broken { get; } = new(StringComparer.Ordinal);

    /// <summary>Where a misspelt <c>vars:</c> block is, when api.yaml has no <c>vars:</c>.</summary>
    public string? Missing { get; set; }
}
