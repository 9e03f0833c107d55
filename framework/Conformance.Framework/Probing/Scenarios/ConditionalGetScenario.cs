using System.Text.Json.Nodes;
using Conformance.Contracts;

namespace Conformance.Probing.Scenarios;

/// <summary>
/// <c>conditional_get</c>: sends the baseline, reads its ETag (or Last-Modified), then repeats the request with
/// If-None-Match (or If-Modified-Since). The first exchange is kept for the report.
/// </summary>
internal sealed class ConditionalGetScenario : IScenario
{
    public string Id => "conditional_get";

    public IReadOnlyList<string> Arguments => ["header"];

    public IReadOnlyList<string> Required => [];

    public bool RunsAlone => false;

    public ScenarioProblem? Validate(Operation operation, IReadOnlyDictionary<string, JsonNode?> with)
    {
        var header = with.TryGetValue("header", out var h) ? h?.ToString() : null;
        return header is null or "If-None-Match" or "If-Modified-Since"
            ? null
            : new ScenarioProblem($"Unknown conditional header '{header}'", "conditional_get sends If-None-Match or If-Modified-Since", "Use one of the two.");
    }

    public async Task<ProbeExchange> RunAsync(ScenarioInput input, IProbeSender sender, CancellationToken cancellationToken)
    {
        var first = await sender.SendAsync(input.Baseline, cancellationToken);
        if (first.Response is null)
        {
            return new ProbeExchange(first, []);
        }

        var useDate = input.Text("header") == "If-Modified-Since";
        var validator = useDate ? first.Response.Header("Last-Modified") : first.Response.Header("ETag");
        if (validator is null)
        {
            var missing = useDate ? "Last-Modified" : "ETag";
            var failure = new ProbeFailure("precondition", $"The first {input.Baseline.Method} answered {first.Response.Status} without a {missing} header, so no conditional request could be made.");
            return new ProbeExchange(new ProbeStep(input.Baseline, null, failure), [first]);
        }

        var conditional = input.Baseline.WithHeader(useDate ? "If-Modified-Since" : "If-None-Match", validator);
        return new ProbeExchange(await sender.SendAsync(conditional, cancellationToken), [first]);
    }
}
