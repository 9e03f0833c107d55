using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Loading;

namespace Conformance.Schema;

/// <summary>
/// A compiled JSON Schema. Compile once with <see cref="Parse"/> or <see cref="LoadFile"/>, then validate any number
/// of instances from any number of threads: the compiled tree is immutable and per-call state is pooled per thread.
/// </summary>
public sealed class JsonSchema
{
    private static readonly JsonElement NullElement = JsonDocument.Parse("null").RootElement.Clone();
    private readonly SchemaNode root;
    private readonly SchemaOptions options;
    private readonly bool trackAnnotations;
    private readonly JsonSerializerOptions nodeOptions;

    internal JsonSchema(SchemaNode root, SchemaOptions options, bool trackAnnotations, Uri baseUri)
    {
        this.root = root;
        this.options = options;
        this.trackAnnotations = trackAnnotations;
        BaseUri = baseUri;
        nodeOptions = new JsonSerializerOptions { MaxDepth = Math.Max(options.MaxDepth, 1) };
    }

    /// <summary>The base URI of the root schema (its $id, the file URI, or the URI given to <see cref="Parse"/>).</summary>
    public Uri BaseUri { get; }

    /// <summary>Loads and compiles a schema from JSON text. Every problem of the text is reported, not only the first.</summary>
    public static SchemaLoadResult Parse(string json, string? sourcePath = null, SchemaOptions? options = null, SchemaRegistry? registry = null, Uri? baseUri = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return SchemaLoader.Load(json, sourcePath, options ?? registry?.Options ?? SchemaOptions.Default, registry, baseUri);
    }

    /// <summary>
    /// Loads and compiles several schemas at once (a pack's files): documents they share are compiled once. Each result
    /// is what <see cref="Parse"/> of that schema alone would give.
    /// </summary>
    public static IReadOnlyList<SchemaLoadResult> ParseAll(IReadOnlyList<(string Json, string SourcePath, Uri BaseUri)> schemas, SchemaRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        ArgumentNullException.ThrowIfNull(registry);
        return SchemaLoader.LoadAll(schemas, registry.Options, registry);
    }

    /// <summary>Loads a schema file; relative <c>$ref</c>s may reach other <c>*.json</c> files of the same folder.</summary>
    public static SchemaLoadResult LoadFile(string path, SchemaOptions? options = null, SchemaRegistry? registry = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= registry?.Options ?? SchemaOptions.Default;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var diagnostic = new SchemaDiagnostic(SchemaErrorCodes.FileUnreadable, path, 1, 1, "the schema file cannot be read",
                ex.Message.TrimEnd('.'), "check the path and the file permissions");
            return new SchemaLoadResult(null, [diagnostic]);
        }

        registry ??= new SchemaRegistry(options);
        registry.AddDirectory(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
        return SchemaLoader.Load(text, path, options, registry, new Uri(Path.GetFullPath(path)));
    }

    /// <summary>Validates an instance. Errors are only built when the instance is invalid.</summary>
    public ValidationResult Validate(JsonElement instance)
    {
        if (instance.ValueKind == JsonValueKind.Undefined)
        {
            return new ValidationResult(false, [new ValidationError(string.Empty, string.Empty, root.Location, string.Empty, "the instance is undefined (default JsonElement)")]);
        }

        var context = EvalContext.Rent(options, trackAnnotations, false);
        try
        {
            if (root.Evaluate(instance, context, trackAnnotations ? new Annotations() : null))
            {
                return ValidationResult.Valid;
            }

            context = Restart(context, true);
            root.Evaluate(instance, context, trackAnnotations ? new Annotations() : null);
            IReadOnlyList<ValidationError> errors = context.Errors.Count > 0
                ? [.. context.Errors]
                : [new ValidationError(string.Empty, string.Empty, root.Location, string.Empty, "the instance is not valid")];
            return new ValidationResult(false, errors);
        }
        finally
        {
            EvalContext.Return(context);
        }
    }

    /// <summary>Validates a <see cref="JsonNode"/> (null is JSON null).</summary>
    public ValidationResult Validate(JsonNode? instance)
    {
        if (instance is null)
        {
            return Validate(NullElement);
        }

        JsonElement element;
        try
        {
            element = JsonSerializer.SerializeToElement(instance, nodeOptions);
        }
        catch (JsonException ex)
        {
            return new ValidationResult(false, [new ValidationError(string.Empty, string.Empty, root.Location, "$depth",
                $"the instance cannot be read: {ex.Message}")]);
        }

        return Validate(element);
    }

    private EvalContext Restart(EvalContext context, bool collect)
    {
        EvalContext.Return(context);
        return EvalContext.Rent(options, trackAnnotations, collect);
    }
}
