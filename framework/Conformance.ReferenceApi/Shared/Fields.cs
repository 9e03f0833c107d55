using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.ReferenceApi.Shared;

/// <summary>Small checks on JSON body values shared by the APIs' validators.</summary>
internal static partial class Fields
{
    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static bool IsEmail(JsonNode? node) => Text(node) is { } s && EmailPattern().IsMatch(s);

    /// <summary>E.164: a plus sign and 7 to 15 digits.</summary>
    public static bool IsPhone(JsonNode? node) => Text(node) is { } s && PhonePattern().IsMatch(s);

    public static bool IsInteger(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out _);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex PhonePattern();
}
