using Conformance.Contracts;
using Conformance.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Conformance.Tables;

/// <summary>
/// Reads a row's <c>known:</c>: the issue as text (<c>known: "API-123: ..."</c>, any failing check is the known one), or
/// a mapping naming the checks the issue covers (<c>known: { issue: "API-123: ...", checks: [status_code_conformance] }</c>).
/// </summary>
internal static class KnownReader
{
    public static (string? Issue, IReadOnlyList<string> Checks, DateOnly? Until) Read(YamlMap row, DiagnosticBag bag)
    {
        switch (row.Get("known"))
        {
            case null:
                return (null, [], null);
            case YamlMappingNode mapping:
                var map = new YamlMap(mapping, row.Path, bag, ["issue", "checks", "until"], "known");
                var issue = map.String("issue", required: true, owner: "known");
                Empty(issue, map.Location("issue"), bag);
                return (issue, Checks(map, bag), Until(map, bag));
            case var empty when YamlMap.IsNull(empty):
                Empty(string.Empty, row.Location("known"), bag); // 'known:' with nothing after it
                return (null, [], null);
            default:
                var text = row.String("known");
                Empty(text, row.Location("known"), bag);
                return (text, [], null);
        }
    }

    /// <summary><c>until: 2027-01-31</c>: the last day the failure is tolerated; after it, the failure counts again.</summary>
    private static DateOnly? Until(YamlMap map, DiagnosticBag bag)
    {
        if (map.String("until") is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var until))
        {
            return until;
        }

        bag.Error(ErrorCodes.InvalidValue, map.Location("until"), $"until '{text}' is not a date", "it is the last day the known issue may fail the row unnoticed", "Write it as YYYY-MM-DD, e.g. until: 2027-01-31.");
        return null;
    }

    private static void Empty(string? issue, SourceLocation at, DiagnosticBag bag)
    {
        if (issue is not null && string.IsNullOrWhiteSpace(issue))
        {
            bag.Error(ErrorCodes.InvalidValue, at, "known is empty", "it names the tracked issue the row's failure belongs to", "Write the ticket and what is wrong, e.g. known: \"API-123: 404 comes back as 400\".");
        }
        else if (issue is not null && RowReader.IsYesNo(issue.Trim()))
        {
            // known: true read as the issue "true": the row became known, and a passing row failed as "no longer reproducing".
            bag.Error(ErrorCodes.InvalidValue, at, $"known: '{issue}' names no issue",
                "known takes the tracked issue the row's failure belongs to, shown in the report, and any known: marks the row (known: false would too, and a passing row would then fail as no longer reproducing)",
                "Write the ticket and what is wrong, e.g. known: \"API-123: 404 comes back as 400\", or remove known: if no issue is filed.");
        }
    }

    private static List<string> Checks(YamlMap map, DiagnosticBag bag)
    {
        var checks = new List<string>();
        if (map.Get("checks") is { } node && (YamlMap.IsNull(node) || node is YamlSequenceNode { Children.Count: 0 }))
        {
            bag.Error(ErrorCodes.InvalidValue, map.Location("checks"), "'checks' in known is empty", "it covers every failing check, as if 'checks:' were absent",
                "Name the checks the issue covers (checks: [status_code_conformance]), or remove checks: to cover every check.");
            return checks;
        }

        foreach (var item in map.Items("checks", "'checks' in known must be a list of check ids", "Write checks: [status_code_conformance]."))
        {
            var id = (item as YamlScalarNode)?.Value ?? string.Empty;
            if (CheckSeverityReader.IsCheck(id, map.Path, item, bag, " in known"))
            {
                checks.Add(id);
            }
        }

        return checks;
    }
}
