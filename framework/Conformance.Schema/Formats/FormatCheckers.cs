namespace Conformance.Schema.Formats;

/// <summary>The format checkers used in assertion mode; unknown formats are not asserted.</summary>
internal static class FormatCheckers
{
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
