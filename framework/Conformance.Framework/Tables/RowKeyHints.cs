using Conformance.Probing;
using YamlDotNet.RepresentationModel;

namespace Conformance.Tables;

/// <summary>
/// The fix for an unknown row key that belongs one level down: a scenario argument (<c>field:</c> outdented below an
/// empty <c>with:</c>), a key of <c>known:</c> (<c>until:</c>), a rule of a body or header assertion (<c>equals:</c>,
/// <c>pattern:</c>). An argument of the row's own scenario wins over a did-you-mean; any other only stands in for none.
/// </summary>
internal static class RowKeyHints
{
    private static readonly string[] KnownKeys = ["issue", "until"];
    private static readonly string[] BodyRules = ["equals", "oneOf", "regex", "exists"];
    private static readonly string[] HeaderRules = ["present", "absent", "pattern", "format"];

    /// <summary>The hint for the row <paramref name="row"/>, for <see cref="Contracts.YamlMap"/>.</summary>
    public static Func<string, string?, (string Fix, string? Meant)?> For(YamlMappingNode row)
    {
        var scenario = row.Children.FirstOrDefault(e => e.Key is YamlScalarNode { Value: "scenario" }).Value is YamlScalarNode { Value: { } id } ? ScenarioCatalog.Find(id) : null;
        return (key, closest) => Hint(key, closest, scenario);
    }

    private static (string Fix, string? Meant)? Hint(string key, string? closest, IScenario? scenario)
    {
        if (scenario is not null && scenario.Arguments.Contains(key))
        {
            return ($"'{key}' is an argument of scenario '{scenario.Id}': write it under 'with:' (with: {{ {key}: ... }}).", "with");
        }

        if (closest is not null)
        {
            return null; // a misspelt row key is the likelier mistake
        }

        if (KnownKeys.Contains(key))
        {
            return ($"'{key}' belongs to known: write known: {{ issue: \"<ticket>: <what is wrong>\", until: 2027-01-31 }}.", "known");
        }

        if (BodyRules.Contains(key))
        {
            return ($"'{key}' is a rule of a body assertion: write body: {{ /<pointer>: {{ {key}: ... }} }}.", "body");
        }

        if (HeaderRules.Contains(key))
        {
            return ($"'{key}' is a rule of a header assertion: write headers: {{ <Header-Name>: {{ {key}: ... }} }}.", "headers");
        }

        var takers = ScenarioCatalog.Ids.Where(id => ScenarioCatalog.Find(id)!.Arguments.Contains(key)).ToList();
        return takers.Count == 0
            ? null
            : ($"'{key}' is an argument of scenario {string.Join(", ", takers)}{(scenario is null ? string.Empty : $", not of '{scenario.Id}'")}: use {(takers.Count == 1 ? "that scenario" : "one of them")} and write it under 'with:' (with: {{ {key}: ... }}), or remove it.", null);
    }
}
