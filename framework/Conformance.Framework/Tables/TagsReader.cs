using System.Text.RegularExpressions;
using Conformance.Contracts;
using Conformance.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Conformance.Tables;

/// <summary>
/// Reads a row's <c>tags:</c> (<c>tags: [smoke, billing]</c>): each becomes an NUnit category, so a team runs a subset
/// with <c>--filter Category=smoke</c>, and an Allure tag.
/// </summary>
internal static partial class TagsReader
{
    public static IReadOnlyList<string> Read(YamlMap row, DiagnosticBag bag)
    {
        var tags = new List<string>();
        if (row.Get("tags") is { } node && YamlMap.IsNull(node))
        {
            return tags; // 'tags:' with nothing after it: EmptyRowKeys reports it
        }

        foreach (var item in row.Items("tags", "'tags' must be a list", "Write tags: [smoke]."))
        {
            var tag = (item as YamlScalarNode)?.Value ?? string.Empty;
            if (Tag().IsMatch(tag) && CaseCategories.CheckIdOnly(tag))
            {
                bag.Error(ErrorCodes.InvalidValue, row.Path, item, $"Tag '{tag}' is the id of a check", "Allure tags a case with a check's id when that check fails, so a row tagged so would read as failed by it; no row has it as a filter category",
                    "Choose another name, e.g. smoke, nightly or billing.");
            }
            else if (Tag().IsMatch(tag) && CaseCategories.BuiltIn(tag) is { } meaning)
            {
                bag.Error(ErrorCodes.InvalidValue, row.Path, item, $"Tag '{tag}' is a built-in category", $"every {meaning} has it already, so --filter Category={tag} would select them and this row alike",
                    "Choose another name, e.g. smoke, nightly or billing.");
            }
            else if (Tag().IsMatch(tag))
            {
                tags.Add(tag);
            }
            else
            {
                bag.Error(ErrorCodes.InvalidValue, row.Path, item, $"Tag '{tag}' is not a tag", "a tag is a filter category: letters, digits, '_', '-' and '.', starting with a letter or digit", "Write it as one word, e.g. smoke or billing-v2.");
            }
        }

        return tags.Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")]
    private static partial Regex Tag();
}
