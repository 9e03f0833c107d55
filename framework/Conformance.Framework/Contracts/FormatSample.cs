namespace Conformance.Contracts;

/// <summary>
/// A string that a JSON Schema <c>format</c> accepts, padded with 'x' to <c>minLength</c>: the sample both the pact
/// exporter (minimal bodies) and the OpenAPI importer (baseline requests) write.
/// </summary>
public static class FormatSample
{
    /// <param name="fallback">The text for a string without a known format.</param>
    public static string For(string? format, int minLength, string fallback)
    {
        var text = format switch
        {
            "date-time" => "2024-01-01T00:00:00Z",
            "date" => "2024-01-01",
            "time" => "00:00:00Z",
            "email" => "user@example.com",
            "uri" or "url" => "https://example.com/",
            "uuid" => "00000000-0000-4000-8000-000000000000",
            "ipv4" => "192.0.2.1",
            "ipv6" => "2001:db8::1",
            "hostname" or "idn-hostname" => "example.com",
            "idn-email" => "user@example.com",
            "uri-reference" or "iri-reference" => "https://example.com/",
            "iri" => "https://example.com/",
            "uri-template" => "https://example.com/{id}",
            "json-pointer" => "/sample",
            "relative-json-pointer" => "0",
            "regex" => "^sample$",
            "duration" => "P1D",
            "byte" => "c2FtcGxl",
            _ => fallback,
        };
        return text.Length >= minLength ? text : text + new string('x', minLength - text.Length);
    }
}
