using System.Text.RegularExpressions;
using Conformance.Contracts;
using Conformance.Probing;
using Conformance.Tables;

namespace Conformance.Pact.Export;

/// <summary>
/// The path pattern of a row whose operation has a <c>setup:</c>: the suites send the id the setup answered, which no
/// pact can know, so each path parameter written with a captured variable matches any one segment.
/// </summary>
internal static class SetupPath
{
    /// <summary>The pattern, or null when the row runs no setup, captures nothing in its path, or its scenario changed the path.</summary>
    public static string? Pattern(ApiPack written, ApiPack bound, StatusRow row, string recordedPath)
    {
        var operation = written.Operations[row.OperationId];
        if (operation.Setup is not { Capture.Count: > 0 } setup || row.NoSetup || recordedPath != Baseline.ExpandPath(operation.Path, bound.Operations[row.OperationId].Params))
        {
            return null;
        }

        // A parameter written with a captured variable matches one segment: digits when the variable's default is a
        // number (so an unknown_id row's "does-not-exist-0" stays its own interaction), else any segment.
        var captured = operation.Params
            .Select(p => (p.Key, Name: setup.Capture.Keys.FirstOrDefault(name => p.Value.Contains("${" + name + "}", StringComparison.Ordinal))))
            .Where(p => p.Name is not null)
            .ToDictionary(p => p.Key, p => written.Vars.GetValueOrDefault(p.Name!) is System.Text.Json.Nodes.JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number ? "[0-9]+" : "[^/]+", StringComparer.Ordinal);
        if (captured.Count == 0)
        {
            return null;
        }

        var values = bound.Operations[row.OperationId].Params;
        var pattern = Baseline.PathParameter().Replace(Regex.Escape(operation.Path).Replace(@"\{", "{", StringComparison.Ordinal), m =>
            captured.TryGetValue(m.Groups[1].Value, out var segment) ? segment : Regex.Escape(Uri.EscapeDataString(values.GetValueOrDefault(m.Groups[1].Value) ?? m.Value)));
        return $"^{pattern}$";
    }

}
