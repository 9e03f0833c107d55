using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Contracts;
using Conformance.Diagnostics;
using Conformance.Probing;
using YamlDotNet.RepresentationModel;

namespace Conformance.Tables;

/// <summary>Reads one table row; every problem is reported, and a row with any problem is not returned.</summary>
internal static class RowReader
{
    private static readonly string[] Keys =
        ["id", "op", "scenario", "with", "expect", "schema", "body", "headers", "emptyBody", "skip", "known", "maxResponseMs", "checks", "tags", "setup", "description"];

    /// <summary>A plain yes/no value (<c>true</c>, <c>no</c>, <c>Off</c>: YAML 1.1's booleans are text to this reader), where a text was meant.</summary>
    internal static bool IsYesNo(string text) => bool.TryParse(text, out _) || YamlMap.Yaml11Boolean(text) is not null;

    public static StatusRow? Read(YamlNode node, Func<string, string, int> ordinal, TableContext table, DiagnosticBag bag)
    {
        if (node is not YamlMappingNode mapping)
        {
            bag.Error(ErrorCodes.WrongNodeType, table.Path, node, "A row must be a mapping", $"found a {YamlMap.Kind(node)}", "Write the row as { op: ..., scenario: ..., expect: ... }.");
            return null;
        }

        var before = bag.Count;
        var map = new YamlMap(mapping, table.Path, bag, Keys, "a row", RowKeyHints.For(mapping));
        var opId = map.String("op", required: true, owner: "the row");
        var scenarioId = map.String("scenario", required: true, owner: "the row");
        var operation = ResolveOperation(map, opId, table, bag);
        var scenario = ResolveScenario(map, scenarioId, bag);
        var with = ReadWith(map, scenario, operation, bag);
        EmptyRowKeys.Check(map, scenario, bag);
        VarReader.CheckUses(map.Mapping("with"), table.Pack.Vars, table.Path, bag);
        VarReader.CheckUses(map.Mapping("body"), table.Pack.Vars, table.Path, bag);
        var expected = ExpectReader.Read(map, table.Pack, bag);
        var schema = map.String("schema");
        var explicitNone = string.Equals(schema, "none", StringComparison.Ordinal);
        var body = AssertionReader.ReadBody(map.Mapping("body"), table.Path, bag);
        var headers = AssertionReader.ReadHeaders(map.Mapping("headers"), table.Path, bag);
        var severities = CheckSeverityReader.Read(map.Mapping("checks"), table.Path, bag);
        var emptyBody = map.Bool("emptyBody") ?? false;
        var skip = map.Get("skip") is { } skipNode && YamlMap.IsNull(skipNode) ? string.Empty : map.String("skip");
        if (skip is not null && (string.IsNullOrWhiteSpace(skip) || IsYesNo(skip)))
        {
            bag.Error(ErrorCodes.InvalidValue, map.Location("skip"), $"skip: '{skip}' gives no reason",
                "skip takes why the row does not run, shown in the report (a row with skip: never runs, so skip: false would not run it either)",
                "Write skip: \"<why the row cannot run>\", or remove skip: to run the row.");
        }

        var (known, knownChecks, knownUntil) = KnownReader.Read(map, bag);
        var tags = TagsReader.Read(map, bag);
        var setup = map.Bool("setup");

        var maxResponseMs = map.WholeNumber("maxResponseMs", ResponseTimes.Max);
        var description = map.String("description");
        if (bag.Count > before || opId is null || scenarioId is null)
        {
            return null;
        }

        var written = map.String("id");
        var id = written ?? $"{opId}.{scenarioId}.{ordinal(opId, scenarioId).ToString(CultureInfo.InvariantCulture)}";
        return new StatusRow(id, table.Pack.Name, opId, scenarioId, with, expected, explicitNone ? null : schema, explicitNone,
            body, headers, emptyBody, skip, severities, description, DiagnosticBag.At(table.Path, mapping)) { IdWritten = written is not null, SchemaAt = map.Has("schema") ? map.Location("schema") : null, Known = known, KnownChecks = knownChecks, KnownUntil = knownUntil, MaxResponseMs = maxResponseMs, NoSetup = setup == false, Tags = [.. (operation?.Tags ?? []).Concat(tags).Distinct(StringComparer.Ordinal)] };
    }

    private static Operation? ResolveOperation(YamlMap map, string? opId, TableContext table, DiagnosticBag bag)
    {
        if (opId is null)
        {
            return null;
        }

        if (table.Pack.Operations.TryGetValue(opId, out var op))
        {
            return op;
        }

        if (table.BrokenOperations.TryGetValue(opId, out var place))
        {
            bag.Error(ErrorCodes.UnknownOperation, map.Location("op"), $"Operation '{opId}' could not be loaded", $"api.yaml reports an error for it at {place}",
                $"Fix the error at {place} (its own case); this row then loads.");
            return null;
        }

        var known = table.Pack.Operations.Keys.ToList();
        bag.Error(ErrorCodes.UnknownOperation, map.Location("op"), $"Unknown operation '{opId}'", known.Count == 0 ? "api.yaml declares no operations" : $"api.yaml declares {string.Join(", ", known)}",
            $"Declare it under 'operations' in api.yaml or fix the name.{DidYouMean.Suffix(opId, known)}");
        return null;
    }

    private static IScenario? ResolveScenario(YamlMap map, string? id, DiagnosticBag bag)
    {
        if (id is null)
        {
            return null;
        }

        if (ScenarioCatalog.Find(id) is { } scenario)
        {
            return scenario;
        }

        bag.Error(ErrorCodes.UnknownScenario, map.Location("scenario"), $"Unknown scenario '{id}'", $"the scenarios are {string.Join(", ", ScenarioCatalog.Ids)}",
            $"Use a built-in scenario (docs/pack-format.md).{DidYouMean.Suffix(id, ScenarioCatalog.Ids)}");
        return null;
    }

    private static Dictionary<string, JsonNode?> ReadWith(YamlMap map, IScenario? scenario, Operation? operation, DiagnosticBag bag)
    {
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var node = map.Mapping("with");
        if (scenario is null)
        {
            return result;
        }

        var at = map.Has("with") ? map.Location("with") : DiagnosticBag.At(map.Path, map.Node); // 'with:' written empty: there
        if (node is not null && scenario.Arguments.Count == 0)
        {
            NoArguments(node, map.Path, scenario.Id, bag);
        }
        else if (node is not null)
        {
            var with = new YamlMap(node, map.Path, bag, scenario.Arguments, $"'with' of scenario '{scenario.Id}'");
            foreach (var key in scenario.Arguments.Where(with.Has))
            {
                result[key] = YamlJson.ToJson(with.Get(key)!);
            }
        }

        // An argument written beside 'with:' instead of under it is reported once, as that unknown row key (RowKeyHints).
        foreach (var required in scenario.Required.Where(r => !result.ContainsKey(r) && !map.Misspelt("with")))
        {
            bag.Error(ErrorCodes.ScenarioArgument, at, $"Scenario '{scenario.Id}' needs 'with: {{ {required}: ... }}'", "the probe cannot be built without it");
        }

        if (operation is not null && scenario.Required.All(result.ContainsKey) && scenario.Validate(operation, result) is { } problem)
        {
            bag.Error(ErrorCodes.ScenarioArgument, at, problem.What, problem.Why, problem.Fix);
        }

        return result;
    }

    /// <summary>A scenario without arguments ignores nothing silently: each key of its 'with:' is an error.</summary>
    private static void NoArguments(YamlMappingNode with, string path, string scenario, DiagnosticBag bag)
    {
        foreach (var key in with.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is { } v && !v.StartsWith("x-", StringComparison.Ordinal)))
        {
            var takers = ScenarioCatalog.Ids.Where(id => ScenarioCatalog.Find(id)!.Arguments.Contains(key.Value!)).ToList();
            bag.Error(ErrorCodes.UnknownKey, path, key, $"Unknown key '{key.Value}' in 'with' of scenario '{scenario}'", $"scenario '{scenario}' takes no arguments",
                takers.Count == 0 ? "Remove 'with:'." : $"Remove 'with:', or use a scenario that takes '{key.Value}': {string.Join(", ", takers)}.");
        }
    }
}

/// <summary>What a table row is read against.</summary>
internal sealed record TableContext(string Path, ApiPack Pack, IReadOnlyDictionary<string, SourceLocation> BrokenOperations);
