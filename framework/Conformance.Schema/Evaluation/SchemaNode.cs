using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Conformance.Schema.Evaluation;

/// <summary>A compiled schema: a boolean or an ordered array of keyword evaluators.</summary>
internal sealed class SchemaNode(Resource resource, string location)
{
    private Keyword[] keywords = [];
    private bool? boolean;

    public Resource Resource { get; } = resource;

    /// <summary>Absolute location (resource URI + pointer fragment).</summary>
    public string Location { get; } = location;

    public IReadOnlyList<Keyword> Keywords => keywords;

    public void SetBoolean(bool value) => boolean = value;

    public void SetKeywords(IEnumerable<Keyword> compiled) =>
        keywords = [.. compiled.OrderBy(k => k.Order)];

    public bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (boolean is { } value)
        {
            if (!value)
            {
                context.AddError("false", Location, "no value is allowed here (schema is false)");
            }

            return value;
        }

        if (++context.Depth > context.Options.MaxDepth || (context.Depth > 64 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
        {
            context.Depth--;
            context.ReportDepth(Location);
            return false;
        }

        var pushed = context.ScopeTop != Resource;
        if (pushed)
        {
            context.PushScope(Resource);
        }

        var valid = true;
        foreach (var keyword in keywords)
        {
            if (!Evaluate(keyword, instance, context, annotations))
            {
                valid = false;
                if (!context.Collect)
                {
                    break;
                }
            }
        }

        if (pushed)
        {
            context.PopScope();
        }

        context.Depth--;
        return valid;
    }

    /// <summary>Evaluates <paramref name="child"/> at the same instance location; its annotations count only if it passes.</summary>
    public static bool EvaluateInPlace(SchemaNode child, JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (annotations is null)
        {
            return child.Evaluate(instance, context, null);
        }

        var local = new Annotations();
        var valid = child.Evaluate(instance, context, local);
        if (valid)
        {
            annotations.Merge(local);
        }

        return valid;
    }

    /// <summary>Evaluates <paramref name="child"/> against a child instance (fresh annotation frame).</summary>
    public static bool EvaluateChild(SchemaNode child, JsonElement instance, EvalContext context) =>
        child.Evaluate(instance, context, context.TrackAnnotations ? new Annotations() : null);

    /// <summary>
    /// The keyword's verdict; a string or member name holding an escaped lone surrogate (<c>"\uD800"</c>: valid JSON
    /// grammar, no Unicode text) cannot be read, which System.Text.Json says by throwing: the keyword fails with that
    /// reason at the instance instead (it threw out of Validate).
    /// </summary>
    private static bool Evaluate(Keyword keyword, JsonElement instance, EvalContext context, Annotations? annotations)
    {
        try
        {
            return keyword.Evaluate(instance, context, annotations);
        }
        catch (InvalidOperationException) when (Json.JsonStrings.Unreadable(instance) is { } what)
        {
            context.AddError(keyword, $"{what} holds an escaped lone surrogate, which names no Unicode character: it cannot be read as text");
            return false;
        }
    }
}
