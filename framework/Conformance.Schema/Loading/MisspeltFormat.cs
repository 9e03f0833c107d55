namespace Conformance.Schema.Loading;

/// <summary>
/// Whether a <c>format</c> value reads as a misspelling (CT0212): unknown to the validator, not an <c>x-</c> name, and
/// close to formats it knows: those it asserts and those of the OpenAPI format registry (<c>int64</c>, <c>binary</c>,
/// <c>password</c>...), which schemas copied from an OpenAPI document carry and which stay annotations.
/// </summary>
internal static class MisspeltFormat
{
    private static readonly HashSet<string> OpenApi = new(StringComparer.Ordinal)
    {
        "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float", "double", "decimal", "decimal128", "byte", "binary",
        "base64url", "char", "password", "commonmark", "html", "date-time-local", "time-local", "http-date", "media-range", "unixtime",
        "sf-binary", "sf-boolean", "sf-decimal", "sf-integer", "sf-string", "sf-token",
    };

    /// <summary>The known formats <paramref name="format"/> is close to, when it is unknown itself; else none.</summary>
    public static IReadOnlyList<string> Meant(string format, Dialect dialect) =>
        format.StartsWith("x-", StringComparison.Ordinal) || OpenApi.Contains(format) || Formats.FormatCheckers.Find(format, dialect) is not null
            ? []
            : Suggest.Nearest(format, Formats.FormatCheckers.Names(dialect).Concat(OpenApi));

    /// <summary><c>"a"</c>, <c>"a" or "b"</c>, <c>"a", "b" or "c"</c>.</summary>
    public static string List(IReadOnlyList<string> formats)
    {
        var quoted = formats.Select(f => $"\"{f}\"").ToList();
        return quoted.Count == 1 ? quoted[0] : string.Join(", ", quoted[..^1]) + " or " + quoted[^1];
    }
}
