namespace Conformance.Schema;

/// <summary>One failed assertion, modeled on the "basic" output unit of the JSON Schema spec.</summary>
public sealed record ValidationError(
    string InstanceLocation,
    string KeywordLocation,
    string AbsoluteKeywordLocation,
    string Keyword,
    string Message)
{
    /// <summary>Renders as <c>{InstanceLocation}: {Message}</c>.</summary>
    public override string ToString() => $"{InstanceLocation}: {Message}";
}
