using System.Text.Json.Nodes;
using Conformance.Contracts;
using Conformance.Pact.States;

namespace Conformance.Pact.Export;

/// <summary>
/// Lets a verifier send a captured value escaped in a path and as it is in headers and query parameters. libpact_ffi puts
/// a state-change answer's values into a ProviderState expression as text, so an id <c>a/b c?d</c> in
/// <c>/v1/notes/${id}</c> would go out as <c>/v1/notes/a/b%20c?d</c>; and one answer feeds every expression of the
/// interaction. So, for each captured variable in the path expression: the path becomes <c>${v.path}${v}</c>, each header
/// or query expression <c>${v}</c> becomes <c>${v.raw}${v}</c>, and the setup state's params give <c>v.path</c> (and
/// <c>v.raw</c>) as "". The verifier reads the state's params, overridden by the answer: an answer with only <c>v</c> is
/// sent everywhere as answered (as before); Conformance's own answers <c>v</c> as "", <c>v.path</c> escaped and
/// <c>v.raw</c> as it is (<see cref="SetupStates"/>). Without a path variable nothing changes.
/// </summary>
internal static class SetupEscapes
{
    public static (PactRequest Request, PactProviderState State) Apply(PactRequest request, PactProviderState state, OperationSetup setup)
    {
        var inPath = request.PathExpression is { } path ? setup.Capture.Keys.Where(v => path.Contains(Use(v), StringComparison.Ordinal)).ToList() : [];
        if (inPath.Count == 0)
        {
            return (request, state);
        }

        string Raw(string expression) => inPath.FirstOrDefault(v => expression == Use(v)) is { } v ? Use(SetupState.RawName(v)) + expression : expression;
        var headers = request.HeaderExpressions.ToDictionary(h => h.Key, h => Raw(h.Value), StringComparer.OrdinalIgnoreCase);
        var query = request.QueryExpressions.ToDictionary(q => q.Key, q => Raw(q.Value), StringComparer.Ordinal);
        var given = new Dictionary<string, JsonNode?>(state.Params, StringComparer.Ordinal);
        foreach (var v in inPath)
        {
            given[SetupState.PathName(v)] = JsonValue.Create(string.Empty);
            if (headers.Values.Concat(query.Values).Contains(Use(SetupState.RawName(v)) + Use(v), StringComparer.Ordinal))
            {
                given[SetupState.RawName(v)] = JsonValue.Create(string.Empty);
            }
        }

        var escaped = inPath.Aggregate(request.PathExpression!, (p, v) => p.Replace(Use(v), Use(SetupState.PathName(v)) + Use(v), StringComparison.Ordinal));
        return (request with { PathExpression = escaped, HeaderExpressions = headers, QueryExpressions = query }, state with { Params = given });
    }

    private static string Use(string name) => "${" + name + "}";
}
