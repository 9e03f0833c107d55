using System.Text.Json.Nodes;
using Conformance.Schema;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>
/// Judges drafted request samples with the project's own validator (formats asserted, as a strict API would): each
/// OpenAPI schema is written as the pack's schema files write it (<see cref="SchemaFiles"/>, component references to
/// their files), compiled once, and read as a request does (a required <c>readOnly</c> property may be absent). Its
/// patterns are matched in time linear in the text where the non-backtracking engine takes them (<see cref="SchemaOptions.LinearPatterns"/>).
/// </summary>
internal sealed class SchemaJudge(OpenApiDocument document)
{
    private static readonly Uri Base = new("https://import.invalid/");
    private readonly SchemaFiles files = new(document);
    private readonly SchemaRegistry registry = new(new SchemaOptions { FormatAssertion = true, ValidateAgainstMetaschema = false, LinearPatterns = true });
    private readonly Dictionary<IOpenApiSchema, JsonSchema?> compiled = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> registered = new(StringComparer.Ordinal);

    /// <summary>The <c>prefixItems</c> of a schema, read as schemas of the document.</summary>
    public PrefixItems Prefix { get; } = new(document);

    /// <summary>True when <paramref name="value"/> meets <paramref name="schema"/>, or the schema cannot be judged (it refers outside the document).</summary>
    public bool Accepts(IOpenApiSchema? schema, JsonNode? value) => Errors(schema, value).Count == 0;

    /// <summary>True when <paramref name="schema"/> can be judged (it refers to nothing outside the document).</summary>
    public bool CanJudge(IOpenApiSchema? schema) => schema is not null && Compile(schema) is not null;

    /// <summary>The validator's errors for <paramref name="value"/>: none when it is valid or the schema cannot be judged.</summary>
    public IReadOnlyList<ValidationError> Errors(IOpenApiSchema? schema, JsonNode? value) =>
        schema is not null && Compile(schema) is { } judge && judge.Validate(value) is { IsValid: false } result ? result.Errors : [];

    private JsonSchema? Compile(IOpenApiSchema schema)
    {
        if (compiled.TryGetValue(schema, out var known))
        {
            return known;
        }

        JsonSchema? judge = null;
        if (files.Add(schema, $"request-{compiled.Count}") is { } path)
        {
            var all = files.Files;
            foreach (var (file, json) in all.Where(f => registered.Add(f.Key) || f.Key == path))
            {
                registry.Add(new Uri(Base, file), AsRequest(json));
            }

            judge = all.TryGetValue(path, out var root) ? JsonSchema.Parse(AsRequest(root), registry: registry, baseUri: new Uri(Base, path)).Schema : null;
        }

        compiled[schema] = judge;
        return judge;
    }

    /// <summary>
    /// The schema as a request reads it: a required <c>readOnly</c> property may be absent (the samples leave it out).
    /// </summary>
    private static string AsRequest(JsonObject file)
    {
        var copy = file.DeepClone();
        Walk(copy);
        return copy.ToJsonString();
    }

    private static void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["required"] is JsonArray required && obj["properties"] is JsonObject properties)
                {
                    foreach (var item in required.ToList().Where(i => i is JsonValue v && v.TryGetValue<string>(out var n) && properties[n] is JsonObject p && p["readOnly"] is JsonValue r && r.TryGetValue<bool>(out var ro) && ro))
                    {
                        required.Remove(item);
                    }
                }

                foreach (var (_, value) in obj)
                {
                    Walk(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Walk(item);
                }

                break;
        }
    }
}
