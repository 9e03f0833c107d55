using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.Diagnostics;

namespace Conformance.Tables;

public enum BodyRule
{
    EqualTo,
    OneOf,
    Regex,
    Exists,
    Absent,
}

/// <summary>An assertion on one body value, addressed by JSON Pointer.</summary>
public sealed record BodyAssertion(string Pointer, BodyRule Rule, IReadOnlyList<JsonNode?> Values, Regex? Pattern, SourceLocation Location)
{
    public string Describe() => Rule switch
    {
        BodyRule.EqualTo => $"equals {Render(Values[0])}",
        BodyRule.OneOf => $"is one of [{string.Join(", ", Values.Select(Render))}]",
        BodyRule.Regex => $"matches \"{Pattern}\"",
        BodyRule.Exists => "is present",
        _ => "is absent",
    };

    private static string Render(JsonNode? node) => Probing.JsonText.Of(node);
}

public enum HeaderRule
{
    Present,
    Absent,
    Pattern,
    Format,
}

/// <summary>An assertion on one response header.</summary>
public sealed record HeaderAssertion(string Name, HeaderRule Rule, string? Argument, Regex? Pattern, SourceLocation Location)
{
    public static readonly IReadOnlyList<string> Formats = ["delta-seconds", "http-date", "retry-after", "media-type"];

    public string Describe() => Rule switch
    {
        HeaderRule.Present => "present",
        HeaderRule.Absent => "absent",
        HeaderRule.Pattern => $"matching \"{Argument}\"",
        _ => $"in {Argument} format",
    };
}
