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

    /// <summary>
    /// The subschemas this keyword applies to the very value it is given, not to a property or an item of it (<c>$ref</c>,
    /// <c>allOf</c>, <c>not</c>, <c>if</c>...): a cycle of them never ends (CT0211). A dynamic reference gives its static target.
    /// </summary>
    public virtual IEnumerable<SchemaNode> InPlace => [];

    public abstract bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations);

    /// <summary>
    /// Applies a property subschema (additionalProperties, unevaluatedProperties) to one property: a <c>false</c>
    /// schema rejects it with "<paramref name="kind"/> property ... is not allowed", any other is evaluated at it.
    /// </summary>
    protected bool EvaluateProperty(SchemaNode schema, bool isFalse, JsonProperty property, EvalContext context, string kind)
    {
        if (isFalse)
        {
            context.AddError(this, $"{kind} property {Json.ValueText.Quote(property.Name)} is not allowed");
            return false;
        }

        context.PushKeyword(Name);
        context.PushProperty(property.Name);
        var valid = SchemaNode.EvaluateChild(schema, property.Value, context);
        context.PopInstance();
        context.PopKeyword();
        return valid;
    }
}
