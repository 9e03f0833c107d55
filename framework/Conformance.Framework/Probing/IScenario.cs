using System.Text.Json.Nodes;
using Conformance.Contracts;

namespace Conformance.Probing;

/// <summary>Derives a probe from an operation's baseline. One small class per scenario; users can add their own.</summary>
public interface IScenario
{
    string Id { get; }

    /// <summary>The keys its <c>with:</c> accepts.</summary>
    IReadOnlyList<string> Arguments { get; }

    IReadOnlyList<string> Required { get; }

    /// <summary>True when it must not run beside other rows of the same API (a rate-limit burst).</summary>
    bool RunsAlone { get; }

    /// <summary>Checks the arguments against the operation at load time; null when fine.</summary>
    ScenarioProblem? Validate(Operation operation, IReadOnlyDictionary<string, JsonNode?> with);

    Task<ProbeExchange> RunAsync(ScenarioInput input, IProbeSender sender, CancellationToken cancellationToken);

    /// <summary>
    /// False when the probe goes without the configured credential (<c>no_auth</c>, <c>bad_auth</c>): only such rows
    /// are sent to a target whose pack declares auth but that has no token configured.
    /// </summary>
    bool NeedsCredential(ScenarioInput input) => true;

    /// <summary>What a dry run adds to the request it shows, when the scenario sends more than that one (a burst); else null.</summary>
    string? DryRunNote(ScenarioInput input) => null;
}

public sealed record ScenarioProblem(string What, string Why, string Fix);

public sealed record ScenarioInput(ApiPack Pack, Operation Operation, ProbeRequest Baseline, IReadOnlyDictionary<string, JsonNode?> With)
{
    /// <summary>The target's base URL, for scenarios that must resolve a Location.</summary>
    public Uri BaseUrl { get; init; } = new("http://localhost/");

    public string? Text(string key) => With.TryGetValue(key, out var v) && v is not null ? (v is JsonValue jv && jv.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : null;
}

/// <summary>Sends one probe to the target.</summary>
public interface IProbeSender
{
    Task<ProbeStep> SendAsync(ProbeRequest request, CancellationToken cancellationToken);
}
