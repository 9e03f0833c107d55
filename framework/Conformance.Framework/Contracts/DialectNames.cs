using Conformance.Schema;

namespace Conformance.Contracts;

/// <summary>Maps api.yaml's <c>dialect:</c> names to the validator's dialects.</summary>
internal static class DialectNames
{
    public static readonly IReadOnlyDictionary<string, Dialect> Known = new Dictionary<string, Dialect>(StringComparer.OrdinalIgnoreCase)
    {
        ["draft2020-12"] = Dialect.Draft202012,
        ["draft2019-09"] = Dialect.Draft201909,
        ["draft-07"] = Dialect.Draft7,
        ["draft-06"] = Dialect.Draft6,
        ["draft-04"] = Dialect.Draft4,
    };

    public static Dialect? Parse(string? name) => name is not null && Known.TryGetValue(name, out var d) ? d : null;
}
