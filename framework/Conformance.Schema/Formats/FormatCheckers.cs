namespace Conformance.Schema.Formats;

/// <summary>The format checkers used in assertion mode; unknown formats are not asserted.</summary>
internal static class FormatCheckers
{
    private static readonly string[] All =
    [
        "date-time", "date", "time", "duration", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6", "uri", "uri-reference",
        "iri", "iri-reference", "uri-template", "uuid", "json-pointer", "relative-json-pointer", "regex", "host-name", "ip-address",
    ];

    /// <summary>The formats asserted in <paramref name="dialect"/>.</summary>
    public static IEnumerable<string> Names(Dialect dialect) => All.Where(name => Find(name, dialect) is not null);

    public static Func<string, bool>? Find(string format, Dialect dialect) => format switch
    {
        "date-time" => DateTimeFormats.IsDateTime,
        "date" => DateTimeFormats.IsDate,
        "time" => DateTimeFormats.IsTime,
        "duration" => DateTimeFormats.IsDuration,
        "email" => NetworkFormats.IsEmail,
        "idn-email" => NetworkFormats.IsIdnEmail,
        "hostname" => NetworkFormats.IsHostname,
        "idn-hostname" => NetworkFormats.IsIdnHostname,
        "ipv4" => NetworkFormats.IsIpv4,
        "ipv6" => NetworkFormats.IsIpv6,
        "uri" => UriFormats.IsUri,
        "uri-reference" => UriFormats.IsUriReference,
        "iri" => UriFormats.IsIri,
        "iri-reference" => UriFormats.IsIriReference,
        "uri-template" => UriFormats.IsUriTemplate,
        "uuid" => UriFormats.IsUuid,
        "json-pointer" => UriFormats.IsJsonPointer,
        "relative-json-pointer" => UriFormats.IsRelativeJsonPointer,
        "regex" => UriFormats.IsRegex,
        "host-name" when dialect == Dialect.Draft4 => NetworkFormats.IsHostname,
        "ip-address" when dialect == Dialect.Draft4 => NetworkFormats.IsIpv4,
        _ => null,
    };
}
