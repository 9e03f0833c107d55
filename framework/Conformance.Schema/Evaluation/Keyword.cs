using System.Text.Json;

namespace Conformance.Schema.Evaluation;

/// <summary>One compiled keyword evaluator. Immutable after compilation; per-call state lives in <see cref="EvalContext"/>.</summary>
internal abstract class Keyword(string name, string absoluteLocation)
{
    public string Name { get; } = name;

    /// <summary>Absolute keyword location (resource URI + JSON Pointer fragment).</summary>
    public string AbsoluteLocation { get; } = absoluteLocation;

    /// <summary>Evaluation order inside a schema: unevaluated* run last, after every annotation is in.</summary>
    public virtual int Order => 0;

    public abstract bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations);
}
