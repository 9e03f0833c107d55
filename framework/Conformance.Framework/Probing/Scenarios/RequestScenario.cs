using System.Text.Json.Nodes;
using Conformance.Contracts;

namespace Conformance.Probing.Scenarios;

/// <summary>A scenario that changes the baseline and sends it once.</summary>
public abstract class RequestScenario : IScenario
{
    public abstract string Id { get; }

    public virtual IReadOnlyList<string> Arguments => [];

    public virtual IReadOnlyList<string> Required => [];

    public virtual bool RunsAlone => false;

    public virtual bool NeedsCredential(ScenarioInput input) => true;

    public virtual ScenarioProblem? Validate(Operation operation, IReadOnlyDictionary<string, JsonNode?> with) => null;

    public async Task<ProbeExchange> RunAsync(ScenarioInput input, IProbeSender sender, CancellationToken cancellationToken) =>
        ProbeExchange.Of(await sender.SendAsync(Build(input), cancellationToken));

    protected abstract ProbeRequest Build(ScenarioInput input);
}
