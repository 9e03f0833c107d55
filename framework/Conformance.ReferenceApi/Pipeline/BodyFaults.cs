using System.Text.Json.Nodes;

namespace Conformance.ReferenceApi.Pipeline;

/// <summary>
/// How a pack's bodies are broken by the body faults: which replies they target (error bodies where the pack's
/// error schema has something to break, else a success body) and one mutation per fault (null: not applicable).
/// </summary>
internal sealed record BodyFaults(Func<Reply, bool> Targets)
{
    public static BodyFaults ErrorBodies { get; } = new(reply => reply.Status >= 400);

    public Action<JsonObject>? DropRequired { get; init; }

    public Action<JsonObject>? WrongType { get; init; }

    public Action<JsonObject>? OutsideEnum { get; init; }
}
