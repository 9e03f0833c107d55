using System.Text.Json.Nodes;
using Conformance.Contracts;
using Conformance.Diagnostics;

namespace Conformance.Probing.Scenarios;

/// <summary><c>valid</c>: the baseline request as declared.</summary>
internal sealed class ValidScenario : RequestScenario
{
    public override string Id => "valid";

    protected override ProbeRequest Build(ScenarioInput input) => input.Baseline;
}

/// <summary><c>no_auth</c>: the baseline without any credential.</summary>
internal sealed class NoAuthScenario : RequestScenario
{
    public override string Id => "no_auth";

    public override bool NeedsCredential(ScenarioInput input) => false;

    protected override ProbeRequest Build(ScenarioInput input) => input.Baseline with { Credential = null };
}

/// <summary><c>bad_auth</c>: the baseline with a wrong credential.</summary>
internal sealed class BadAuthScenario : RequestScenario
{
    public override string Id => "bad_auth";

    public override IReadOnlyList<string> Arguments => ["token"];

    public override bool NeedsCredential(ScenarioInput input) => false;

    protected override ProbeRequest Build(ScenarioInput input) => input.Baseline with { Credential = input.Text("token") ?? "invalid-token" };
}

/// <summary><c>not_acceptable</c>: the baseline with an Accept header the API cannot produce.</summary>
internal sealed class NotAcceptableScenario : RequestScenario
{
    public override string Id => "not_acceptable";

    public override IReadOnlyList<string> Arguments => ["accept"];

    protected override ProbeRequest Build(ScenarioInput input) => input.Baseline.WithHeader("Accept", input.Text("accept") ?? "application/xml");
}

/// <summary><c>wrong_method</c>: the baseline path with a method the operation does not declare.</summary>
internal sealed class WrongMethodScenario : RequestScenario
{
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
    private static readonly string[] Candidates = ["DELETE", "PUT", "PATCH", "POST"];

    public override string Id => "wrong_method";

    public override IReadOnlyList<string> Arguments => ["method"];

    public override ScenarioProblem? Validate(Operation operation, IReadOnlyDictionary<string, JsonNode?> with)
    {
        var method = with.TryGetValue("method", out var m) ? m?.ToString().ToUpperInvariant() : null;
        if (method is null || (Methods.Contains(method) && method != operation.Method))
        {
            return null;
        }

        return new ScenarioProblem($"'{method}' cannot be the wrong method of operation '{operation.Id}'",
            method == operation.Method ? "it is the operation's own method" : "it is not an HTTP method",
            $"Use another of {string.Join(", ", Methods.Where(m => m != operation.Method))}.{(method == operation.Method ? string.Empty : DidYouMean.Suffix(method, Methods.Where(m => m != operation.Method)))}");
    }

    protected override ProbeRequest Build(ScenarioInput input)
    {
        var method = input.Text("method")?.ToUpperInvariant() ?? Default(input.Pack, input.Operation);
        return input.Baseline with { Method = method };
    }

    /// <summary>
    /// A method no operation declares on this path: paths are compared as routes (<c>/w/{id}</c> and <c>/w/{w_id}/</c> are
    /// one), so the probe never picks a method the resource serves (with allowMutation, a DELETE that really deletes).
    /// </summary>
    private static string Default(ApiPack pack, Operation operation)
    {
        var route = Route(operation.Path);
        var declared = pack.Operations.Values.Where(o => Route(o.Path) == route).Select(o => o.Method).ToHashSet();
        return Candidates.FirstOrDefault(m => !declared.Contains(m)) ?? "TRACE";
    }

    private static string Route(string path) => Baseline.PathParameter().Replace(path, "{}").TrimEnd('/').ToLowerInvariant();
}

/// <summary><c>unknown_id</c>: the baseline with one path value replaced by an id that does not exist.</summary>
internal sealed class UnknownIdScenario : RequestScenario
{
    public override string Id => "unknown_id";

    public override IReadOnlyList<string> Arguments => ["param", "value"];

    public override ScenarioProblem? Validate(Operation operation, IReadOnlyDictionary<string, JsonNode?> with)
    {
        if (ScenarioText.Check(with, "value", Id, "the id in the path") is { } problem)
        {
            return problem;
        }

        var param = with.TryGetValue("param", out var p) ? p?.ToString() : operation.Params.Keys.LastOrDefault();
        if (param is not null && operation.Params.ContainsKey(param) && InPath(operation, param))
        {
            return null;
        }

        var inPath = operation.Params.Keys.Where(k => InPath(operation, k)).ToList();
        return inPath.Count == 0
            ? new ScenarioProblem($"Operation '{operation.Id}' has no path parameter",
                $"its path {operation.Path} has none, so unknown_id has no id to replace",
                "Use unknown_id on an operation whose path has a parameter ({id}), or a custom row with its own path.")
            : new ScenarioProblem($"Operation '{operation.Id}' has no path parameter '{param}'",
                $"its path is {operation.Path}", $"Name one of: {string.Join(", ", inPath)}.{DidYouMean.Suffix(param ?? string.Empty, inPath)}");
    }

    private static bool InPath(Operation operation, string param) => operation.Path.Contains("{" + param + "}", StringComparison.OrdinalIgnoreCase);

    protected override ProbeRequest Build(ScenarioInput input)
    {
        var param = input.Text("param") ?? input.Operation.Params.Keys.Last();
        var values = new Dictionary<string, string>(input.Operation.Params, StringComparer.OrdinalIgnoreCase) { [param] = input.Text("value") ?? "does-not-exist-0" };
        return input.Baseline with { Path = Baseline.ExpandPath(input.Operation.Path, values) };
    }
}
