using System.Text.Json.Nodes;

namespace Conformance.Pact.Export;

/// <summary>
/// The smallest body a schema (refs inlined) accepts: required properties only, the first <c>enum</c> value,
/// the <c>const</c>, a string meeting <c>pattern</c>, <c>format</c> and <c>minLength</c>, numbers at their minimum,
/// <c>minItems</c> items. Throws <see cref="NotSupportedException"/> saying why when there is no single answer
/// (<c>anyOf</c>, <c>oneOf</c>, <c>allOf</c>, <c>not</c>: <see cref="CompositionResolver"/> resolves them first; a pattern
/// too rich to invert).
/// </summary>
internal static class SchemaExample
{
    private static readonly string[] Composition = ["anyOf", "oneOf", "allOf", "not"];

    public static JsonNode? Create(JsonNode? schema, string path = "$")
    {
        if (schema is JsonValue flag && flag.TryGetValue<bool>(out _))
        {
            return JsonValue.Create("any");
        }

        if (schema is not JsonObject obj)
        {
            throw new NotSupportedException($"{path}: the schema is not an object");
        }

        if (Composition.FirstOrDefault(obj.ContainsKey) is { } keyword)
        {
            throw new NotSupportedException($"{path}: {keyword} has no single minimal example");
        }

        if (obj.TryGetPropertyValue("const", out var constant))
        {
            return constant?.DeepClone();
        }

        if (obj["enum"] is JsonArray values && values.Count > 0)
        {
            // A non-null value when there is one: the null stays allowed through the matchers (SchemaMatchers).
            return (values.FirstOrDefault(v => v is not null) ?? values[0])?.DeepClone();
        }

        return TypeOf(obj) switch
        {
            "object" => ObjectExample(obj, path),
            "array" => ArrayExample(obj, path),
            "string" => StringExample(obj, path),
            "integer" => JsonValue.Create((long)Math.Ceiling(Minimum(obj))),
            "number" => JsonValue.Create(Minimum(obj)),
            "boolean" => JsonValue.Create(true),
            "null" => null,
            _ => throw new NotSupportedException($"{path}: the schema names no type"),
        };
    }

    private static string? TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonValue single => single.GetValue<string>(),
        JsonArray many => many.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t is not "null") ?? "null",
        _ when schema.ContainsKey("properties") || schema.ContainsKey("required") => "object",
        _ when schema.ContainsKey("items") => "array",
        _ when schema.ContainsKey("pattern") || schema.ContainsKey("format") || schema.ContainsKey("minLength") => "string",
        _ => null,
    };

    private static JsonObject ObjectExample(JsonObject schema, string path)
    {
        var properties = schema["properties"] as JsonObject;
        var example = new JsonObject();
        foreach (var name in (schema["required"] as JsonArray ?? []).Select(n => n!.GetValue<string>()))
        {
            var member = SchemaMatchers.MemberPath(path, name);
            var memberSchema = properties?[name] ?? throw new NotSupportedException($"{member}: required but not described under properties");
            example[name] = Create(memberSchema, member);
        }

        return example;
    }

    private static JsonArray ArrayExample(JsonObject schema, string path)
    {
        var count = schema["minItems"]?.GetValue<int>() ?? 0;
        var array = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            array.Add(Create(schema["items"] ?? JsonValue.Create(true), $"{path}[{i}]"));
        }

        return array;
    }

    private static JsonValue StringExample(JsonObject schema, string path)
    {
        if (schema["pattern"]?.GetValue<string>() is { } pattern)
        {
            return JsonValue.Create(RegexExample.For(pattern) ?? throw new NotSupportedException($"{path}: no example could be derived from pattern /{pattern}/"));
        }

        return JsonValue.Create(Contracts.FormatSample.For(schema["format"]?.GetValue<string>(), schema["minLength"]?.GetValue<int>() ?? 0, "text"));
    }

    private static double Minimum(JsonObject schema) =>
        schema["minimum"]?.GetValue<double>() is { } min ? min
        : schema["exclusiveMinimum"]?.GetValue<double>() is { } exclusive ? exclusive + 1 : 0;
}
