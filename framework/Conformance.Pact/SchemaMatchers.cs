using System.Text.Json;
using System.Text.RegularExpressions;

namespace Conformance.Pact;

/// <summary>
/// Derives body matchers from a JSON Schema and an example body, so a pact pins the contract's shape
/// rather than the example's values. Walks the example and, where the schema describes a value:
/// <c>enum</c>/<c>const</c> become <see cref="MatcherKind.OneOf"/>, <c>pattern</c> a regex, <c>integer</c> an
/// integer rule, any other leaf or array a type rule. Objects get no rule of their own (their members do),
/// arrays also get one for their items (<c>[*]</c>). Values the schema does not describe stay exact;
/// <c>$ref</c> and composition keywords (<c>allOf</c>, <c>oneOf</c>...) are not followed.
/// </summary>
public static partial class SchemaMatchers
{
    /// <summary>The matchers for <paramref name="example"/> under <paramref name="schema"/>, in document order.</summary>
    public static IReadOnlyList<BodyMatcher> From(JsonElement schema, JsonElement example)
    {
        var matchers = new List<BodyMatcher>();
        Walk(schema, example, "$", matchers);
        return matchers;
    }

    /// <summary>Pact path of member <paramref name="name"/> under <paramref name="parent"/>.</summary>
    public static string MemberPath(string parent, string name) =>
        PlainName().IsMatch(name) ? $"{parent}.{name}" : $"{parent}['{name}']";

    /// <summary>The matchers of one value; where the schema also allows null, null is an alternative to them.</summary>
    private static void Walk(JsonElement schema, JsonElement example, string path, List<BodyMatcher> matchers)
    {
        var before = matchers.Count;
        WalkValue(schema, example, path, matchers);
        if (AllowsNull(schema) && matchers.Skip(before).Any(m => m.Path == path))
        {
            matchers.Add(BodyMatcher.Null(path));
        }
    }

    /// <summary><c>type: [..., "null"]</c>, <c>type: "null"</c> or an <c>enum</c> holding null.</summary>
    private static bool AllowsNull(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object
        && ((schema.TryGetProperty("type", out var type) && (type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && t.GetString() == "null") : type.ValueKind == JsonValueKind.String && type.GetString() == "null"))
            || (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Null)));

    private static void WalkValue(JsonElement schema, JsonElement example, string path, List<BodyMatcher> matchers)
    {
        if (schema.ValueKind != JsonValueKind.Object || example.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            matchers.Add(BodyMatcher.OneOf(path, [.. values.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Select(Text)]));
            return;
        }

        if (schema.TryGetProperty("const", out var constant))
        {
            matchers.Add(BodyMatcher.OneOf(path, [Text(constant)]));
            return;
        }

        if (schema.TryGetProperty("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String)
        {
            matchers.Add(BodyMatcher.Regex(path, pattern.GetString()!));
            return;
        }

        switch (example.ValueKind)
        {
            case JsonValueKind.Object:
                WalkObject(schema, example, path, matchers);
                break;
            case JsonValueKind.Array:
                matchers.Add(BodyMatcher.Type(path));
                if (schema.TryGetProperty("items", out var items) && example.GetArrayLength() > 0)
                {
                    Walk(items, example[0], $"{path}[*]", matchers);
                }

                break;
            case JsonValueKind.Number when DeclaresInteger(schema):
                matchers.Add(BodyMatcher.IntegerNumber(path));
                break;
            default:
                matchers.Add(BodyMatcher.Type(path));
                break;
        }
    }

    private static void WalkObject(JsonElement schema, JsonElement example, string path, List<BodyMatcher> matchers)
    {
        if (!schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var member in example.EnumerateObject())
        {
            if (properties.TryGetProperty(member.Name, out var memberSchema))
            {
                Walk(memberSchema, member.Value, MemberPath(path, member.Name), matchers);
            }
        }
    }

    private static bool DeclaresInteger(JsonElement schema) =>
        schema.TryGetProperty("type", out var type)
        && (type.ValueKind == JsonValueKind.String
            ? type.ValueEquals("integer")
            : type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.ValueEquals("integer")));

    private static string Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}
