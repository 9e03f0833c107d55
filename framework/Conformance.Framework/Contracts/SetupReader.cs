using System.Text.Json.Nodes;
using Conformance.Diagnostics;
using Conformance.Tables;
using YamlDotNet.RepresentationModel;

namespace Conformance.Contracts;

/// <summary>
/// Reads an operation's <c>setup:</c> (the operation it sends first, the values it captures, the cleanup it sends after),
/// and, once every operation is read, checks the operations it names: declared, loaded, a setup without a setup of its own.
/// </summary>
internal static class SetupReader
{
    private static readonly string[] Keys = ["op", "capture", "cleanup"];

    public static OperationSetup? Read(YamlMap operation, IReadOnlyDictionary<string, JsonNode?> vars, string id)
    {
        if (operation.Mapping("setup") is not { } node)
        {
            return null;
        }

        var owner = $"setup of operation '{id}'";
        var map = new YamlMap(node, operation.Path, operation.Bag, Keys, owner);
        var op = map.String("op", required: true, owner: owner);
        var capture = new Dictionary<string, CaptureSource>(StringComparer.Ordinal);
        var captures = map.Mapping("capture")?.Children.AsEnumerable() ?? [];
        foreach (var (key, value) in captures)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (CaptureReader.Read(name, key, value, vars, map) is { } source)
            {
                capture[name] = source;
            }
        }

        if (map.Get("capture") is { } written && (YamlMap.IsNull(written) || written is YamlMappingNode { Children.Count: 0 }))
        {
            map.Bag.Error(ErrorCodes.InvalidValue, map.Location("capture"), $"'capture' of the {owner} is empty", "it would take no value from the setup's answer, as if 'capture:' were absent: the probe would use the fixed values, not what the setup made",
                "Indent each capture under capture: (capture: { note_id: /id }), or remove capture:.");
        }

        var cleanup = map.String("cleanup", owner: owner);
        return op is null ? null : new OperationSetup(op, capture, map.Location("op"))
        {
            Cleanup = cleanup,
            CleanupLocation = cleanup is null ? null : map.Location("cleanup"),
        };
    }

    /// <summary>Drops (and reports) each operation whose setup names no usable operation; its rows then say so.</summary>
    public static void Check(Dictionary<string, Operation> operations, Dictionary<string, SourceLocation> broken, DiagnosticBag bag)
    {
        var declared = operations.Keys.ToList();
        bool changed;
        do
        {
            changed = false;
            foreach (var operation in operations.Values.Where(o => o.Setup is not null).ToList())
            {
                if (Problem(operation, operations, broken, declared) is not { } problem)
                {
                    continue;
                }

                bag.Error(problem.Code, problem.At, problem.What, problem.Why, problem.Fix);
                operations.Remove(operation.Id);
                broken.TryAdd(operation.Id, problem.At);
                changed = true;
            }
        }
        while (changed);
    }

    private static (ErrorCode Code, SourceLocation At, string What, string Why, string Fix)? Problem(Operation operation, Dictionary<string, Operation> operations, IReadOnlyDictionary<string, SourceLocation> broken, List<string> declared)
    {
        var setup = operation.Setup!;
        var name = setup.Op;
        if (operations.TryGetValue(name, out var first))
        {
            var problem = first.Id == operation.Id
                ? (ErrorCodes.InvalidValue, setup.Location, $"Operation '{name}' is its own setup", "a setup sends another operation's valid request before the probe", "Name the operation that creates the resource, e.g. create_note.")
                : first.Setup is not null
                    ? (ErrorCodes.InvalidValue, setup.Location, $"Setup operation '{name}' of '{operation.Id}' has a setup of its own", "setups do not chain: one request goes before the probe", $"Remove the setup of '{name}', or give '{operation.Id}' a setup that needs none.")
                    : ((ErrorCode, SourceLocation, string, string, string)?)null;
            return problem ?? CleanupProblem(operation, operations, broken, declared);
        }

        return Missing("setup", name, operation.Id, setup.Location, broken, declared);
    }

    private static (ErrorCode Code, SourceLocation At, string What, string Why, string Fix)? CleanupProblem(Operation operation, Dictionary<string, Operation> operations, IReadOnlyDictionary<string, SourceLocation> broken, List<string> declared)
    {
        var setup = operation.Setup!;
        if (setup.Cleanup is not { } name)
        {
            return null;
        }

        var at = setup.CleanupLocation!;
        if (operations.TryGetValue(name, out var cleanup))
        {
            // Its own setup, if it has one, is not run: the cleanup is its valid request with this case's captured values.
            var captured = setup.Capture.Keys.Order(StringComparer.Ordinal).ToList();
            return cleanup.Id == setup.Op
                ? (ErrorCodes.InvalidValue, at, $"Cleanup operation '{name}' of '{operation.Id}' is its setup operation", "the cleanup removes what the setup made, after the probe", "Name the operation that deletes the resource, e.g. delete_note.")
                : captured.Count > 0 && !Uses(cleanup, captured)
                    ? (ErrorCodes.InvalidValue, at, $"Cleanup operation '{name}' of '{operation.Id}' uses none of the values its setup captures ({string.Join(", ", captured)})",
                        "it would act on the same fixed resource in every case, not on the one the setup made", $"Use ${{{captured[0]}}} in '{name}' (its path parameter, query, headers or body), or name the operation that removes what the setup made.")
                    : null;
        }

        return Missing("cleanup", name, operation.Id, at, broken, declared);
    }

    /// <summary>A setup or cleanup naming an operation that is not there: one that failed to load, or none declared.</summary>
    private static (ErrorCode Code, SourceLocation At, string What, string Why, string Fix) Missing(string role, string name, string owner, SourceLocation at, IReadOnlyDictionary<string, SourceLocation> broken, List<string> declared) =>
        broken.TryGetValue(name, out var place)
            ? (ErrorCodes.UnknownOperation, at, $"{char.ToUpperInvariant(role[0])}{role[1..]} operation '{name}' of '{owner}' could not be loaded",
                $"api.yaml reports an error for it at {place}", $"Fix the error at {place} (its own case); then '{owner}' loads.")
            : (ErrorCodes.UnknownOperation, at, $"Unknown {role} operation '{name}' in operation '{owner}'", $"api.yaml declares {string.Join(", ", declared)}",
                $"Name a declared operation.{DidYouMean.Suffix(name, declared)}");

    /// <summary>True when the operation's request changes with the captured variables (two bindings differ).</summary>
    private static bool Uses(Operation operation, IReadOnlyList<string> captured)
    {
        string Request(string mark)
        {
            var bound = VarBinding.Bind(operation, captured.ToDictionary(c => c, c => (JsonNode?)JsonValue.Create($"{mark}{c}"), StringComparer.Ordinal));
            return string.Join("\n", bound.Params.Concat(bound.Query).Concat(bound.Headers).Select(p => $"{p.Key}={p.Value}").Append(bound.Body?.ToJsonString() ?? string.Empty));
        }

        return Request("\u0001a-") != Request("\u0001b-");
    }
}
