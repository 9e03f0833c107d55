using System.Globalization;
using System.Text;
using Conformance.Schema.Json;

namespace Conformance.Schema.Evaluation;

/// <summary>Per-validation state: paths, dynamic scope, depth and (on the error pass) the collected errors.</summary>
internal sealed class EvalContext
{
    [ThreadStatic]
    private static EvalContext? cached;

    private (string? Name, int Index)[] instancePath = new (string?, int)[32];
    private string[] keywordPath = new string[32];
    private Resource[] scope = new Resource[32];
    private int instanceDepth;
    private int keywordDepth;
    private bool depthReported;

    private EvalContext(SchemaOptions options) => Options = options;

    public SchemaOptions Options { get; private set; }

    /// <summary>False on the fast pass (stop at the first failure, build nothing); true on the error pass.</summary>
    public bool Collect { get; set; }

    public bool TrackAnnotations { get; private set; }

    public List<ValidationError> Errors { get; } = [];

    public int Depth { get; set; }

    public int ScopeDepth { get; private set; }

    public static EvalContext Rent(SchemaOptions options, bool trackAnnotations, bool collect)
    {
        var context = cached ?? new EvalContext(options);
        cached = null;
        context.Options = options;
        context.TrackAnnotations = trackAnnotations;
        context.Collect = collect;
        context.Depth = 0;
        context.instanceDepth = 0;
        context.keywordDepth = 0;
        context.ScopeDepth = 0;
        context.depthReported = false;
        context.Errors.Clear();
        return context;
    }

    public static void Return(EvalContext context)
    {
        Array.Clear(context.scope, 0, context.ScopeDepth);
        context.Errors.Clear();
        cached = context;
    }

    public Resource ScopeAt(int index) => scope[index];

    public Resource? ScopeTop => ScopeDepth == 0 ? null : scope[ScopeDepth - 1];

    public void PushScope(Resource resource)
    {
        if (ScopeDepth == scope.Length)
        {
            Array.Resize(ref scope, scope.Length * 2);
        }

        scope[ScopeDepth++] = resource;
    }

    public void PopScope() => ScopeDepth--;

    public void PushProperty(string name) => PushInstance((name, 0));

    public void PushIndex(int index) => PushInstance((null, index));

    public void PopInstance() => instanceDepth--;

    public void PushKeyword(string segment)
    {
        if (keywordDepth == keywordPath.Length)
        {
            Array.Resize(ref keywordPath, keywordPath.Length * 2);
        }

        keywordPath[keywordDepth++] = segment;
    }

    public void PopKeyword() => keywordDepth--;

    /// <summary>Records a failure of <paramref name="keyword"/> at the current locations (error pass only).</summary>
    public void AddError(Keyword keyword, string message) => AddError(keyword.Name, keyword.AbsoluteLocation, message);

    public void AddError(string keyword, string absoluteLocation, string message)
    {
        if (!Collect)
        {
            return;
        }

        var location = new StringBuilder();
        for (var i = 0; i < keywordDepth; i++)
        {
            location.Append('/').Append(keywordPath[i]);
        }

        location.Append('/').Append(keyword);
        Errors.Add(new ValidationError(InstanceLocation(), location.ToString(), absoluteLocation, keyword, message));
    }

    /// <summary>
    /// Reports the depth guard once per validation, blaming the schema when most of the depth was spent on the current
    /// value (a reference loop that consumes no input the load could not prove), else the instance's nesting. The keyword
    /// location keeps only its first steps (and, for a loop, the steps into it), not hundreds of segments. Worked out
    /// from the keyword path only when the guard trips, so the evaluation itself keeps no extra state.
    /// </summary>
    public void ReportDepth(string absoluteLocation)
    {
        if (depthReported || !Collect)
        {
            return;
        }

        depthReported = true;
        var keywordsBefore = keywordDepth;
        while (keywordsBefore > 0 && IsInPlace(keywordPath[keywordsBefore - 1]))
        {
            keywordsBefore--;
        }

        var inPlace = keywordDepth - keywordsBefore;
        var loop = inPlace * 2 > Depth;
        var location = new StringBuilder();
        AppendShort(location, 0, loop ? keywordsBefore : keywordDepth);
        if (loop)
        {
            AppendShort(location, keywordsBefore, keywordDepth);
        }

        var message = loop
            ? string.Create(CultureInfo.InvariantCulture, $"the schema applied {inPlace} subschemas one inside another to this one value without stepping into a property or an item (MaxDepth {Options.MaxDepth}): a reference loop that consumes no input, a fault of the schema, not of the instance (it passes {absoluteLocation})")
            : string.Create(CultureInfo.InvariantCulture, $"evaluation exceeded the maximum depth of {Options.MaxDepth}: the instance nests too deeply ({instanceDepth} levels at this point)");
        Errors.Add(new ValidationError(InstanceLocation(), location.ToString(), absoluteLocation, "$depth", message));
    }

    public string InstanceLocation()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < instanceDepth; i++)
        {
            var (name, index) = instancePath[i];
            builder.Append('/');
            if (name is null)
            {
                builder.Append(index.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(JsonPointer.Escape(name));
            }
        }

        return builder.ToString();
    }

    /// <summary>A keyword step that applies a subschema to the same value (the steps <see cref="Keyword.InPlace"/> takes).</summary>
    private static bool IsInPlace(string segment) =>
        segment is "$ref" or "$dynamicRef" or "$recursiveRef" or "not" or "if" or "then" or "else"
        || segment.StartsWith("allOf/", StringComparison.Ordinal) || segment.StartsWith("anyOf/", StringComparison.Ordinal)
        || segment.StartsWith("oneOf/", StringComparison.Ordinal) || segment.StartsWith("dependentSchemas/", StringComparison.Ordinal)
        || segment.StartsWith("dependencies/", StringComparison.Ordinal);

    /// <summary>Appends keyword segments [from, to), at most six of them and then "/…".</summary>
    private void AppendShort(StringBuilder location, int from, int to)
    {
        const int Shown = 6;
        for (var i = from; i < Math.Min(to, from + Shown); i++)
        {
            location.Append('/').Append(keywordPath[i]);
        }

        if (to - from > Shown)
        {
            location.Append("/…");
        }
    }

    private void PushInstance((string?, int) segment)
    {
        if (instanceDepth == instancePath.Length)
        {
            Array.Resize(ref instancePath, instancePath.Length * 2);
        }

        instancePath[instanceDepth++] = segment;
    }
}
