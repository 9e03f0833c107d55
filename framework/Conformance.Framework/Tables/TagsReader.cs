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
            if (Tag().IsMatch(tag) && Reserved(tag) is { } meaning)
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

    /// <summary>What a built-in category marks (the suites give every case some of these), or null for a free name.</summary>
    private static string? Reserved(string tag) => tag switch
    {
        "invalid" => "invalid pack entry",
        "known" => "row marked known:",
        "settings" => "setting error",
        "pact" => "pact verification case",
        Reporting.Scorecard.LastFailed.Category => "row or invalid entry that failed or broke in the previous run",
        _ when StatusClass().IsMatch(tag) => "row expecting a status of that class",
        _ when Probing.ScenarioCatalog.Ids.Contains(tag) => "row of that scenario",
        _ when Checks.CheckCatalog.All.Any(c => c.Id == tag) => "row that check judges",
        _ => null,
    };

    [GeneratedRegex(@"^[1-5]xx$")]
    private static partial Regex StatusClass();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")]
    private static partial Regex Tag();
}
