using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Contracts;

namespace Conformance.Pact.Export;

/// <summary>
/// The regex a path segment holding a value captured from the setup's answer matches in a consumer pact: what the setup
/// operation's schema says of the captured field (an integer: digits; a string with an anchored <c>pattern</c>: that
/// pattern), else digits when the variable's default is a number, else any segment. A narrow segment keeps a row that
/// deletes an unknown id (<c>does-not-exist-0</c>) its own interaction on the mock server, whatever the id's shape.
/// </summary>
internal static class SetupSegment
{
    private const string AnySegment = "[^/]+";
    private const string Digits = "[0-9]+";

    public static string For(ApiPack written, OperationSetup setup, string name) =>
        FromSchema(written, setup, name)
        ?? (written.Vars.GetValueOrDefault(name) is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? Digits : AnySegment);

    private static string? FromSchema(ApiPack written, OperationSetup setup, string name)
    {
        if (setup.Capture[name].Pointer is not { } pointer || written.Operations[setup.Op].Schema is not { } schemaPath)
        {
            return null;
        }

        JsonNode? node;
        try
        {
            node = SchemaInliner.Inline(JsonNode.Parse(Files.WholeFile.Text(Path.Combine(written.Folder, schemaPath), Files.FileKind.Pack))!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }

        foreach (var token in pointer.Split('/').Skip(1).Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)))
        {
            node = node is JsonObject { } obj
                ? obj["properties"] is JsonObject properties && properties.ContainsKey(token) ? properties[token]
                : int.TryParse(token, out _) ? obj["items"] : null
                : null;
        }

        if (node is not JsonObject field || field["type"] is not JsonValue { } type || !type.TryGetValue<string>(out var kind))
        {
            return null;
        }

        return kind switch
        {
            "integer" => Digits,
            "string" when field["pattern"] is JsonValue p && p.TryGetValue<string>(out var pattern) && Anchored(pattern) => $"(?:{pattern[1..^1]})",
            _ => null,
        };
    }

    /// <summary>A pattern written <c>^...$</c> with no lookaround, backreference or escaped final <c>$</c>: one the mock server's regex engine reads alike.</summary>
    private static bool Anchored(string pattern) =>
        pattern.Length > 2 && pattern[0] == '^' && pattern[^1] == '$' && pattern[^2] != '\\'
        && !pattern.Contains("(?", StringComparison.Ordinal) && !System.Text.RegularExpressions.Regex.IsMatch(pattern, @"\\[1-9k]", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
}
