using System.Text.Json.Nodes;
using Conformance.Probing;
using Conformance.Tables;

namespace Conformance.Pact.Export;

/// <summary>
/// A row's header assertion as a pact response header: a regex matcher in libpact_ffi's integration format
/// (<c>{"value":example,"pact:matcher:type":"regex","regex":...}</c>) with an example that meets it.
/// </summary>
internal static class HeaderExpectation
{

    private const string HttpDate = "[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT";

    /// <summary>The header value to write (a plain value for a literal pattern such as <c>^GET, PUT$</c>, which pact
    /// compares item by item), or null with <paramref name="problem"/> saying why it is left out.</summary>
    public static string? For(HeaderAssertion assertion, out string? problem)
    {
        problem = null;
        var (regex, example) = assertion.Rule switch
        {
            HeaderRule.Present => (".+", PresentExample(assertion.Name)),
            HeaderRule.Pattern when FullMatch.Literal(assertion.Argument!) is { } literal => (null, literal),
            HeaderRule.Pattern => (FullMatch.Of(assertion.Argument!), RegexExample.For(assertion.Argument!)),
            HeaderRule.Format => Format(assertion.Argument!),
            _ => (null, null),
        };
        if (regex is null && example is not null)
        {
            return example;
        }

        if (regex is null || example is null)
        {
            problem = assertion.Rule == HeaderRule.Absent
                ? $"header {assertion.Name} absent: a pact cannot require a header to be missing"
                : $"header {assertion.Name} {assertion.Describe()}: no example value could be derived";
            return null;
        }

        return JsonText.Of(new JsonObject { ["value"] = example, ["pact:matcher:type"] = "regex", ["regex"] = regex });
    }

    private static string PresentExample(string name) => name.ToUpperInvariant() switch
    {
        "ETAG" => "\"v1\"",
        "LOCATION" => "/",
        "LAST-MODIFIED" or "DATE" or "EXPIRES" => "Mon, 01 Jan 2024 00:00:00 GMT",
        _ => "present",
    };

    private static (string?, string?) Format(string format) => format switch
    {
        "delta-seconds" => ("^[0-9]+$", "1"),
        "http-date" => ($"^{HttpDate}$", "Mon, 01 Jan 2024 00:00:00 GMT"),
        "retry-after" => ($"^(?:[0-9]+|{HttpDate})$", "1"),
        "media-type" => (@"^[^/\s;]+/[^/\s;]+", "application/json"),
        _ => (null, null),
    };
}
