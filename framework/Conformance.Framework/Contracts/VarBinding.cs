using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Contracts;

/// <summary>
/// Puts a target's variable values into a pack: each <c>${name}</c> in an operation's params, query, headers or body and
/// in defaults.headers. A body value that is exactly <c>${name}</c> takes the value with its JSON type (a number stays a
/// number); inside a longer text, the value's text is spliced in. <c>$${name}</c> is the literal text <c>${name}</c>
/// (a template placeholder the API itself expands), with or without vars.
/// </summary>
public static class VarBinding
{
    private const string Escape = "$${";

    /// <summary>Text as a pack writes it literally: <c>${name}</c> (a placeholder of the API's own) becomes <c>$${name}</c>.</summary>
    public static string Literal(string text) => text.Replace("${", Escape, StringComparison.Ordinal);

    public static ApiPack Bind(ApiPack pack, IReadOnlyDictionary<string, JsonNode?> values)
    {
        if (pack.Vars.Count == 0 && !Escaped(pack))
        {
            return pack;
        }

        return pack with
        {
            DefaultHeaders = Texts(pack.DefaultHeaders, values, StringComparer.OrdinalIgnoreCase),
            Operations = pack.Operations.ToDictionary(kv => kv.Key, kv => Bind(kv.Value, values), StringComparer.Ordinal),
        };
    }

    /// <summary>A row's scenario arguments (<c>with:</c>) with the target's values in place.</summary>
    public static IReadOnlyDictionary<string, JsonNode?> Bind(IReadOnlyDictionary<string, JsonNode?> with, IReadOnlyDictionary<string, JsonNode?> values) =>
        with.Count == 0 || (values.Count == 0 && !with.Values.Any(Escaped)) ? with : with.ToDictionary(kv => kv.Key, kv => Node(kv.Value, values), StringComparer.Ordinal);

    /// <summary>
    /// A row's <c>equals</c>/<c>oneOf</c> body values and <c>regex</c> patterns with the target's values in place (a value
    /// goes into a pattern escaped, as literal text); the row's name stays as written.
    /// </summary>
    public static Tables.StatusRow Bind(Tables.StatusRow row, IReadOnlyDictionary<string, JsonNode?> values) =>
        row.Body.Count == 0 || (values.Count == 0 && !row.Body.Any(a => a.Values.Any(Escaped) || a.Pattern?.ToString().Contains(Escape, StringComparison.Ordinal) == true)) ? row : row with
        {
            Body = row.Body.Select(a => a with { Values = a.Values.Select(v => Node(v, values)).ToList(), Pattern = Pattern(a.Pattern, values) }).ToList(),
        };

    /// <summary>One operation with the given values in place (a case whose setup captured some).</summary>
    public static Operation Bind(Operation operation, IReadOnlyDictionary<string, JsonNode?> values) => operation with
    {
        Params = Texts(operation.Params, values, StringComparer.OrdinalIgnoreCase), // as api.yaml reads them: {Id} finds id
        Query = operation.Query.Select(q => new KeyValuePair<string, string>(q.Key, Text(q.Value, values))).ToList(),
        Headers = Texts(operation.Headers, values, StringComparer.OrdinalIgnoreCase),
        Body = Node(operation.Body, values),
    };

    private static Dictionary<string, string> Texts(IReadOnlyDictionary<string, string> map, IReadOnlyDictionary<string, JsonNode?> values, StringComparer comparer) =>
        map.ToDictionary(kv => kv.Key, kv => Text(kv.Value, values), comparer);

    private static string Text(string text, IReadOnlyDictionary<string, JsonNode?> values) =>
        text.Contains("${", StringComparison.Ordinal)
            ? VarReader.Use().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? Plain(v) : m.Value).Replace(Escape, "${", StringComparison.Ordinal)
            : text;

    private static bool Escaped(string text) => text.Contains(Escape, StringComparison.Ordinal);

    private static bool Escaped(JsonNode? node) => node switch
    {
        JsonObject o => o.Any(p => Escaped(p.Value)),
        JsonArray a => a.Any(Escaped),
        JsonValue v => v.GetValueKind() == JsonValueKind.String && Escaped(v.GetValue<string>()),
        _ => false,
    };

    private static bool Escaped(ApiPack pack) =>
        pack.DefaultHeaders.Values.Any(Escaped)
        || pack.Operations.Values.Any(o => o.Params.Values.Any(Escaped) || o.Query.Any(q => Escaped(q.Value)) || o.Headers.Values.Any(Escaped) || Escaped(o.Body));

    private static JsonNode? Node(JsonNode? node, IReadOnlyDictionary<string, JsonNode?> values) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, Node(p.Value, values)))),
        JsonArray a => new JsonArray([.. a.Select(item => Node(item, values))]),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is var s && s.Contains("${", StringComparison.Ordinal) =>
            VarReader.Use().Match(s) is { Success: true } m && m.Length == s.Length && values.TryGetValue(m.Groups[1].Value, out var whole)
                ? whole?.DeepClone()
                : JsonValue.Create(Text(s, values)),
        _ => node?.DeepClone(),
    };

    private static System.Text.RegularExpressions.Regex? Pattern(System.Text.RegularExpressions.Regex? pattern, IReadOnlyDictionary<string, JsonNode?> values) =>
        pattern?.ToString() is { } text && text.Contains("${", StringComparison.Ordinal)
            ? new(VarReader.Use().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? System.Text.RegularExpressions.Regex.Escape(Plain(v)) : m.Value).Replace(Escape, "${", StringComparison.Ordinal), pattern.Options, pattern.MatchTimeout)
            : pattern;

    /// <summary>A value as it goes into text (a path, a header): a string as it is, anything else as its JSON.</summary>
    internal static string Plain(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : Probing.JsonText.Of(value);
}
