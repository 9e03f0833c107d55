using Conformance.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Conformance.Contracts;

/// <summary>Reads the documented status table, the body contracts by status, and the unprovokable codes.</summary>
internal static class DocumentedStatusReader
{
    private static readonly string[] BodyValues = ["required", "optional"];

    public static List<DocumentedStatus> ReadStatuses(YamlMap map, DiagnosticBag bag)
    {
        var result = new List<DocumentedStatus>();
        foreach (var (key, value) in Entries(map, "statuses", required: true))
        {
            if (Pattern(key, map.Path, bag) is { } pattern)
            {
                result.Add(new DocumentedStatus(pattern, (value as YamlScalarNode)?.Value ?? string.Empty));
            }
        }

        if (result.Count == 0 && map.Has("statuses"))
        {
            bag.Error(ErrorCodes.MissingKey, map.Location("statuses"), "The documented status table is empty", "every check compares against it", "List each documented code with the doc's meaning.");
        }

        return result;
    }

    /// <param name="unreadable">The entries YAML could not read, by where their key starts (an errors entry's diagnostics are already reported).</param>
    public static List<BodyContract> ReadContracts(YamlMap map, DiagnosticBag bag, IReadOnlyDictionary<(int Line, int Column), BrokenEntry>? unreadable = null)
    {
        var result = new List<BodyContract>();
        foreach (var (key, value) in Entries(map, "errors", required: false))
        {
            if (Pattern(key, map.Path, bag) is not { } pattern)
            {
                continue;
            }

            if (unreadable is not null && unreadable.TryGetValue(((int)key.Start.Line, (int)key.Start.Column), out var broken) && broken.Collection == "errors")
            {
                result.Add(new BodyContract(pattern, null, null) { Unreadable = broken.Diagnostics[0].Location });
                continue;
            }

            // An entry with an error is kept as unreadable: its rows are invalid (CT0110), not run with a part of it
            // left out (a misspelt contentTyp: would drop the content-type check silently).
            var before = bag.Count;
            if (value is not YamlMappingNode body)
            {
                var path = value is YamlScalarNode { Value: { Length: > 0 } written } ? written : "schemas/error.schema.json";
                bag.Error(ErrorCodes.WrongNodeType, map.Path, value, $"errors.{key.Value} must be a mapping with schema and contentType", $"found a {YamlMap.Kind(value)}",
                    $"Write {key.Value}: {{ schema: {path}, contentType: application/json }}.");
                result.Add(new BodyContract(pattern, null, null) { Unreadable = bag.Items[before].Location });
                continue;
            }

            var entry = new YamlMap(body, map.Path, bag, ["schema", "contentType", "body"], $"errors.{key.Value}");
            var schema = entry.String("schema");
            var contract = new BodyContract(pattern, schema is "none" ? null : schema, entry.String("contentType"), entry.Location("schema")) { BodyOptional = Optional(entry, key.Value) };
            result.Add(bag.Count > before ? contract with { Unreadable = bag.Items[before].Location } : contract);
        }

        return result;
    }

    /// <summary><c>body: optional</c> or <c>body: required</c> (the default); another value is CT0122 with a did-you-mean.</summary>
    private static bool Optional(YamlMap entry, string? key)
    {
        var text = entry.String("body");
        if (text is null or "required")
        {
            return false;
        }

        if (text != "optional")
        {
            entry.Bag.Error(ErrorCodes.InvalidValue, entry.Location("body"), $"Unknown body '{text}' in errors.{key}",
                "a body there is required (the default: an empty one fails) or optional (the documentation says it comes only sometimes: none passes, one present must meet the schema)",
                $"Write body: required or body: optional.{DidYouMean.Suffix(text, BodyValues)}");
        }

        return text == "optional";
    }

    public static Dictionary<int, string> ReadUnprovokable(YamlMap map, IReadOnlyList<DocumentedStatus> statuses, DiagnosticBag bag)
    {
        var result = new Dictionary<int, string>();
        foreach (var (key, value) in Entries(map, "unprovokable", required: false))
        {
            var pattern = Pattern(key, map.Path, bag);
            if (pattern is { IsClass: true })
            {
                bag.Error(ErrorCodes.InvalidValue, map.Path, key, $"Unprovokable entry '{key.Value}' is a class", "unprovokable names single codes, each with the reason it cannot be provoked",
                    $"List each code of the class the documentation names, e.g. {pattern.Code}00: \"Server fault; cannot be provoked safely.\"");
            }
            else if (pattern is not null && statuses.Count > 0 && !statuses.Any(s => s.Pattern.Matches(pattern.Code)))
            {
                bag.Error(ErrorCodes.UndocumentedExpectation, map.Path, key, $"Unprovokable status {pattern.Code} is not in the documented status table",
                    $"api.yaml documents {string.Join(", ", statuses.Select(s => s.Pattern.ToString()))}",
                    "Add the code to 'statuses' in api.yaml, or remove it from 'unprovokable': only a documented code can be unprovokable.");
            }
            else if (pattern is not null)
            {
                result[pattern.Code] = (value as YamlScalarNode)?.Value ?? string.Empty;
            }
        }

        return result;
    }

    private static IEnumerable<(YamlScalarNode Key, YamlNode Value)> Entries(YamlMap map, string key, bool required)
    {
        if (map.Mapping(key, required) is not { } node)
        {
            yield break;
        }

        foreach (var (k, v) in node.Children)
        {
            if (k is YamlScalarNode scalar)
            {
                yield return (scalar, v);
            }
        }
    }

    private static StatusPattern? Pattern(YamlScalarNode key, string path, DiagnosticBag bag)
    {
        var pattern = StatusPattern.Parse(key.Value ?? string.Empty);
        if (pattern is null)
        {
            bag.Error(ErrorCodes.InvalidStatus, path, key, $"'{key.Value}' is not an HTTP status", "a status is a whole number from 100 to 599 or a class such as 4xx",
                ErrorCodes.InvalidStatus.Fix + StatusPattern.LookAlikeSuffix(key.Value ?? string.Empty));
        }

        return pattern;
    }
}
