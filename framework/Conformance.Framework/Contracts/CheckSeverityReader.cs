using Conformance.Checks;
using Conformance.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Conformance.Contracts;

/// <summary>Reads a <c>checks:</c> mapping of check id -> error | warning | off.</summary>
internal static class CheckSeverityReader
{
    public static Dictionary<string, Severity> Read(YamlMappingNode? node, string path, DiagnosticBag bag)
    {
        var result = new Dictionary<string, Severity>(StringComparer.Ordinal);
        if (node is null)
        {
            return result;
        }

        foreach (var (key, value) in node.Children)
        {
            var id = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!IsCheck(id, path, key, bag))
            {
                continue;
            }

            var text = (value as YamlScalarNode)?.Value;
            var severity = SeverityParser.Parse(text);
            if (severity is null)
            {
                bag.Error(ErrorCodes.InvalidSeverity, path, value, $"Invalid severity for '{id}'", "a severity is error, warning or off",
                    ErrorCodes.InvalidSeverity.Fix + DidYouMean.Suffix(text ?? string.Empty, ["error", "warning", "off"]));
                continue;
            }

            result[id] = severity.Value;
        }

        return result;
    }

    /// <summary>Whether <paramref name="id"/> names a check; if not, says so at <paramref name="node"/> with the closest id.</summary>
    public static bool IsCheck(string id, string path, YamlNode node, DiagnosticBag bag, string? where = null)
    {
        if (CheckCatalog.Ids.Contains(id))
        {
            return true;
        }

        bag.Error(ErrorCodes.UnknownCheck, path, node, $"Unknown check '{id}'{where}", $"the checks are {string.Join(", ", CheckCatalog.Ids)}",
            $"Use a check id from the README's checks table.{DidYouMean.Suffix(id, CheckCatalog.Ids)}");
        return false;
    }
}
