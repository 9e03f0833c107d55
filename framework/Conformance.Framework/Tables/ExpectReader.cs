using System.Globalization;
using Conformance.Contracts;
using Conformance.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Conformance.Tables;

/// <summary>Reads <c>expect:</c>: one status or a list of acceptable ones, each documented by the pack.</summary>
internal static class ExpectReader
{
    public static List<int> Read(YamlMap map, ApiPack pack, DiagnosticBag bag)
    {
        var result = new List<int>();
        var node = map.Get("expect");
        if (node is null)
        {
            if (map.Misspelt("expect"))
            {
                return result; // 'expct:' is reported with its did-you-mean; one mistake, one error
            }

            bag.Error(ErrorCodes.MissingKey, map.Path, map.Node, "Missing required key 'expect' in the row", "a row must say which status the documentation promises", "Add expect: <status> or expect: [<status>, <status>].");
            return result;
        }

        if (YamlMap.IsNull(node))
        {
            bag.Error(ErrorCodes.MissingKey, map.Path, node, "Missing required key 'expect' in the row", "it is written with no value (empty, ~ or null)", "Write the value after 'expect:'.");
            return result;
        }

        if (node is YamlSequenceNode { Children.Count: 0 })
        {
            bag.Error(ErrorCodes.MissingKey, map.Path, node, "'expect' lists no status", "a row must say which status the documentation promises; with none the case could only fail",
                "Write expect: <status> or expect: [<status>, <status>].");
            return result;
        }

        IEnumerable<YamlNode> items = node is YamlSequenceNode seq ? seq.Children : [node];
        foreach (var item in items)
        {
            var text = (item as YamlScalarNode)?.Value ?? string.Empty;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status is < 100 or > 599)
            {
                bag.Error(ErrorCodes.InvalidStatus, map.Path, item, $"Expected status '{text}' is not an HTTP status", "a status is a whole number from 100 to 599",
                    ErrorCodes.InvalidStatus.Fix + StatusPattern.LookAlikeSuffix(text));
                continue;
            }

            if (pack.Documented(status) is null)
            {
                var what = $"Expected status {status} is not in the documented status table";
                if (pack.Statuses.Count == 0)
                {
                    // api.yaml's table is missing or broken (CT0106/CT0108 there): the row is not what needs fixing.
                    bag.Error(ErrorCodes.UndocumentedExpectation, map.Path, item, what,
                        "api.yaml documents no status (its 'statuses' is missing or has errors, reported for api.yaml)", "Fix the errors reported for api.yaml's 'statuses'.");
                    continue;
                }

                var documented = string.Join(", ", pack.Statuses.Select(s => s.Pattern.ToString()));
                bag.Error(ErrorCodes.UndocumentedExpectation, map.Path, item, what, $"api.yaml documents {documented}");
                continue;
            }

            result.Add(status);
        }

        return result;
    }
}
