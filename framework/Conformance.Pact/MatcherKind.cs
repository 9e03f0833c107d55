namespace Conformance.Pact;

/// <summary>How a <see cref="BodyMatcher"/> compares the provider's value with the example.</summary>
public enum MatcherKind
{
    /// <summary>Same JSON type as the example (string, number, boolean, object, array).</summary>
    Type,

    /// <summary>A string matching a regular expression (Rust regex syntax).</summary>
    Regex,

    /// <summary>One of a fixed set of values (a JSON Schema <c>enum</c>).</summary>
    OneOf,

    /// <summary>An integer number.</summary>
    IntegerNumber,

    /// <summary>A number with a fractional part.</summary>
    DecimalNumber,

    /// <summary>A JSON null; at a path with other matchers it makes them alternatives (a nullable field: the type or null).</summary>
    Null,
}
