using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.Contracts;
using Conformance.Probing;
using Conformance.Tables;

namespace Conformance.Pact.Export;

/// <summary>
/// The path of a row whose operation has a <c>setup:</c>: the suites send the id the setup answered, which no pact can
/// know. For the consumer side each path parameter written with a captured variable matches any one segment
/// (<see cref="Pattern"/>); for a provider's verifier the path is a ProviderState generator expression
/// (<see cref="Expression"/>, <c>/v1/notes/${note_id}</c>) filled from the values its setup state returns.
/// </summary>
/// <param name="Pattern">The regex the mock server matches the path with, e.g. <c>^/v1/notes/[0-9]+$</c>.</param>
/// <param name="Expression">The path with <c>${variable}</c> for each captured value, e.g. <c>/v1/notes/${note_id}</c>.</param>
internal sealed record SetupPath(string Pattern, string Expression)
{
    /// <summary>The setup path, or null when the row runs no setup, captures nothing in its path, or its scenario changed the path.</summary>
    public static SetupPath? For(ApiPack written, ApiPack bound, StatusRow row, string recordedPath)
    {
        var operation = written.Operations[row.OperationId];
        if (operation.Setup is not { Capture.Count: > 0 } setup || row.NoSetup || recordedPath != Baseline.ExpandPath(operation.Path, bound.Operations[row.OperationId].Params))
        {
            return null;
        }

        // A parameter written with a captured variable matches one segment of the shape the setup's schema gives the
        // captured field (SetupSegment), so an unknown_id row's "does-not-exist-0" stays its own interaction.
        var captured = operation.Params
            .Select(p => (p.Key, Name: setup.Capture.Keys.FirstOrDefault(name => p.Value.Contains("${" + name + "}", StringComparison.Ordinal))))
            .Where(p => p.Name is not null)
            .ToDictionary(p => p.Key, p => p.Name!, StringComparer.Ordinal);
        if (captured.Count == 0)
        {
            return null;
        }

        var values = bound.Operations[row.OperationId].Params;
        string Fixed(Match m) => Uri.EscapeDataString(values.GetValueOrDefault(m.Groups[1].Value) ?? m.Value);
        var pattern = Baseline.PathParameter().Replace(Regex.Escape(operation.Path).Replace(@"\{", "{", StringComparison.Ordinal), m =>
            captured.TryGetValue(m.Groups[1].Value, out var name) ? SetupSegment.For(written, setup, name) : Regex.Escape(Fixed(m)));
        var expression = Baseline.PathParameter().Replace(operation.Path, m =>
            captured.TryGetValue(m.Groups[1].Value, out var name) ? Template(operation.Params[m.Groups[1].Value], name, m, Fixed) : Fixed(m));
        return new SetupPath($"^{pattern}$", expression);
    }

    /// <summary>The parameter as a generator expression: <c>${name}</c> when it is the variable alone, else its bound value.</summary>
    private static string Template(string written, string name, Match m, Func<Match, string> bound) =>
        written == "${" + name + "}" ? written : bound(m);
}
