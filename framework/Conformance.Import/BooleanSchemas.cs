using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Import;

/// <summary>
/// OpenAPI 3.1 boolean schemas the reader loses. As the value of a property (<c>properties: { id: true }</c>), a pattern
/// property, a <c>$defs</c> or <c>dependentSchemas</c> entry it keeps none, and the drafted schema file held <c>null</c>
/// there (a contract that does not load, CT0202); in <c>allOf</c>, <c>anyOf</c> or <c>oneOf</c> it drops the entry, which
/// turned <c>allOf: [false, ...]</c> (nothing passes) and <c>anyOf: [true, ...]</c> (anything passes) into their last
/// entries alone. Before the document is read, each is written as the schema it equals: <c>true</c> as <c>{}</c>,
/// <c>false</c> as <c>{"not": {}}</c>, as the reader itself writes a boolean <c>items</c> or <c>not</c>.
/// </summary>
internal static class BooleanSchemas
{
    private static readonly string[] Maps = ["properties", "patternProperties", "$defs", "dependentSchemas"];
    private static readonly string[] Lists = ["allOf", "anyOf", "oneOf"];

    /// <summary>Expands the boolean schemas in <paramref name="schema"/>'s maps and lists; true when it changed any.</summary>
    public static bool Expand(JsonObject schema)
    {
        var changed = false;
        foreach (var key in Maps)
        {
            if (schema[key] is JsonObject map)
            {
                foreach (var (name, value) in map.ToList())
                {
                    if (Flag(value) is { } flag)
                    {
                        map[name] = Equal(flag);
                        changed = true;
                    }
                }
            }
        }

        foreach (var key in Lists)
        {
            if (schema[key] is JsonArray list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (Flag(list[i]) is { } flag)
                    {
                        list[i] = Equal(flag);
                        changed = true;
                    }
                }
            }
        }

        return changed;
    }

    private static bool? Flag(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static JsonObject Equal(bool flag) => flag ? [] : new JsonObject { ["not"] = new JsonObject() };
}
