using System.Text.Json.Nodes;
using Conformance.Contracts;

namespace Conformance.Probing.Scenarios;

/// <summary><c>custom</c>: explicit overrides of the baseline's method, path, query, headers, body or auth.</summary>
internal sealed class CustomScenario : RequestScenario
{
    public override string Id => "custom";

    public override IReadOnlyList<string> Arguments => ["method", "path", "query", "headers", "body", "contentType", "auth"];

    public override bool NeedsCredential(ScenarioInput input) => input.Text("auth") != "false";

    /// <summary>Every value the probe would not use as written is refused (<see cref="CustomArguments"/>): none is dropped or sent with another meaning.</summary>
    public override ScenarioProblem? Validate(Operation operation, IReadOnlyDictionary<string, JsonNode?> with) => CustomArguments.Check(operation, with);

    protected override ProbeRequest Build(ScenarioInput input)
    {
        var request = input.Baseline;
        if (input.Text("method") is { } method)
        {
            request = request with { Method = method.ToUpperInvariant() };
        }

        if (input.Text("path") is { } path)
        {
            request = request with { Path = Baseline.ExpandPath(path, input.Operation.Params) };
        }

        if (input.With.TryGetValue("query", out var q) && q is JsonObject query)
        {
            // Merged over the baseline's query per key: a custom row names only what it changes (every value of a
            // repeated name); a list sends the name once per item.
            var merged = request.Query.Where(q => !query.ContainsKey(q.Key)).ToList();
            merged.AddRange(query.SelectMany(p => (p.Value is JsonArray items ? [.. items] : new JsonNode?[] { p.Value }).Select(v => new KeyValuePair<string, string>(p.Key, Text(v)))));
            request = request with { Query = merged };
        }

        if (input.With.TryGetValue("headers", out var h) && h is JsonObject headers)
        {
            request = headers.Aggregate(request, (r, p) => r.WithHeader(p.Key, Text(p.Value)));
        }

        if (input.With.TryGetValue("body", out var body))
        {
            // Text goes as written; a mapping or list is encoded as the operation sends its body (JSON, or a form for bodyType: form).
            var contentType = input.Text("contentType") ?? Baseline.ContentType(input.Operation);
            var text = body is JsonValue v && v.TryGetValue<string>(out var raw) ? raw
                : FormEncoding.IsForm(contentType) && body is JsonObject ? FormEncoding.Encode(body) : body?.ToJsonString();
            request = request.WithBody(text, contentType);
        }
        else if (input.Text("contentType") is { } contentType)
        {
            request = request with { ContentType = contentType };
        }

        return input.Text("auth") == "false" ? request with { Credential = null } : request;
    }

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? string.Empty;
}
