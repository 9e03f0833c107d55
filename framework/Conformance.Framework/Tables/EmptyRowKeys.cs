using Conformance.Contracts;
using Conformance.Diagnostics;
using Conformance.Probing;
using YamlDotNet.RepresentationModel;

namespace Conformance.Tables;

/// <summary>
/// Reports a row key written with nothing in it (<c>body:</c> left empty by a mis-indent, <c>headers: {}</c>,
/// <c>tags: []</c>, <c>schema: ~</c>): read as if the key were absent, it would assert or change nothing, silently.
/// <c>skip:</c> and <c>known:</c> say so themselves (RowReader, KnownReader); op, scenario and expect are required (CT0106).
/// </summary>
internal static class EmptyRowKeys
{
    private static readonly string[] Collections = ["body", "headers", "with", "checks", "tags"];

    private static readonly Dictionary<string, (string Why, string Fix)> Scalars = new(StringComparer.Ordinal)
    {
        ["id"] = ("the row would get the default id <op>.<scenario>.<n>, as if 'id:' were absent", "Write the row's id after 'id:', or remove id:."),
        ["schema"] = ("the row would keep its default contract, as if 'schema:' were absent (no contract is schema: none)", "Write schema: <path in the pack> or schema: none, or remove schema:."),
        ["emptyBody"] = ("the row would not check that the body is empty, as if 'emptyBody:' were absent", "Write emptyBody: true, or remove emptyBody:."),
        ["maxResponseMs"] = ("the row would keep the operation's or api.yaml's limit, as if 'maxResponseMs:' were absent", "Write maxResponseMs: <milliseconds>, or remove maxResponseMs:."),
        ["setup"] = ("the row would run the operation's setup, as if 'setup:' were absent; only setup: false runs it without", "Write setup: false to run the row without the operation's setup, or remove setup:."),
        ["description"] = ("it would tell the report's reader nothing", "Write the description after 'description:', or remove description:."),
    };

    public static void Check(YamlMap row, IScenario? scenario, DiagnosticBag bag)
    {
        foreach (var key in Collections.Where(k => row.Get(k) is { } value && IsEmpty(value, k == "tags")))
        {
            if (Collection(key, row, scenario) is { } problem)
            {
                bag.Error(ErrorCodes.InvalidValue, row.Location(key), problem.What, problem.Why, problem.Fix);
            }
        }

        foreach (var (key, (why, fix)) in Scalars.Where(s => row.Get(s.Key) is YamlScalarNode value && (YamlMap.IsNull(value) || value.Value?.Length == 0)))
        {
            bag.Error(ErrorCodes.InvalidValue, row.Location(key), $"'{key}' is empty", why, fix);
        }
    }

    /// <summary>Nothing after the key (empty, ~ or null), or an empty mapping (an empty list for tags:).</summary>
    private static bool IsEmpty(YamlNode value, bool list) =>
        YamlMap.IsNull(value) || (list ? value is YamlSequenceNode { Children.Count: 0 } : value is YamlMappingNode { Children.Count: 0 });

    private static (string What, string Why, string Fix)? Collection(string key, YamlMap row, IScenario? scenario) => key switch
    {
        // An assertion a mis-indent left beside its empty block is reported once, as the unknown key that belongs in it (CT0102).
        "body" or "headers" or "with" when row.Misspelt(key) => null,
        "body" =>
            ("'body' is empty", "it holds no assertion, so the row would pass whatever the body holds",
                "Indent each assertion under body: (body: { /id: { equals: 1 } }), or remove body:."),
        "headers" =>
            ("'headers' is empty", "it holds no assertion, so the row would pass whatever the headers say",
                "Indent each assertion under headers: (headers: { Retry-After: { format: delta-seconds } }), or remove headers:."),
        "with" when scenario is not null && scenario.Required.Count == 0 =>
            ("'with' is empty", $"it gives scenario '{scenario.Id}' no argument, as if 'with:' were absent",
                scenario.Arguments.Count == 0
                    ? $"Remove with: (scenario '{scenario.Id}' takes no arguments)."
                    : $"Indent the scenario's arguments under with: ('{scenario.Id}' takes {string.Join(", ", scenario.Arguments)}), or remove with:."),
        "checks" =>
            ("'checks' is empty", "it changes no check's severity, as if 'checks:' were absent",
                "Indent each check under checks: (checks: { www_authenticate_on_401: warning }), or remove checks:."),
        "tags" =>
            ("'tags' is empty", "it adds the row to no category, as if 'tags:' were absent", "Write tags: [smoke], or remove tags:."),
        _ => null, // a scenario that needs an argument says so itself (CT0115); an unknown one is CT0104
    };
}
