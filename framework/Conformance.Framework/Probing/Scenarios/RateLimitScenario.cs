using System.Text.Json.Nodes;
using Conformance.Contracts;

namespace Conformance.Probing.Scenarios;

/// <summary>
/// <c>rate_limit</c>: a bounded burst of the baseline until the first 429. Runs alone so no other row of the API
/// sees the limit it provokes.
/// </summary>
internal sealed class RateLimitScenario : IScenario
{
    public const int MaxBurst = 500;

    /// <summary>The burst of a row without <c>burst:</c>.</summary>
    public const int DefaultBurst = 50;

    public string Id => "rate_limit";

    public IReadOnlyList<string> Arguments => ["burst"];

    public IReadOnlyList<string> Required => [];

    public bool RunsAlone => true;

    public ScenarioProblem? Validate(Operation operation, IReadOnlyDictionary<string, JsonNode?> with)
    {
        if (!with.TryGetValue("burst", out var b))
        {
            return null;
        }

        return int.TryParse(b?.ToString(), out var n) && n is > 0 and <= MaxBurst
            ? null
            : new ScenarioProblem($"'burst' of scenario 'rate_limit' is '{b}'", $"a burst is a whole number of requests from 1 to {MaxBurst}, to keep staging safe", $"Write a whole number from 1 to {MaxBurst}, or remove burst: for the default {DefaultBurst}.");
    }

    public string? DryRunNote(ScenarioInput input) => $"a burst: this request up to {Burst(input)} times in a row, until the first 429";

    public async Task<ProbeExchange> RunAsync(ScenarioInput input, IProbeSender sender, CancellationToken cancellationToken)
    {
        var burst = Burst(input);
        var earlier = new List<ProbeStep>();
        for (var i = 0; i < burst; i++)
        {
            var step = await sender.SendAsync(input.Baseline, cancellationToken);
            if (step.Response is null || step.Response.Status == 429 || i == burst - 1)
            {
                return new ProbeExchange(step, earlier.TakeLast(3).ToList());
            }

            earlier.Add(step);
        }

        throw new InvalidOperationException("unreachable");
    }

    private static int Burst(ScenarioInput input) => int.TryParse(input.Text("burst"), out var n) ? n : DefaultBurst;
}
