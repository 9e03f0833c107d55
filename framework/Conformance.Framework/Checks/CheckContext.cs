using System.Globalization;
using System.Text.Json;
using Conformance.Contracts;
using Conformance.Probing;
using Conformance.Schema;
using Conformance.Tables;

namespace Conformance.Checks;

/// <summary>Everything a check may look at: the pack, the row, the request sent and the response received.</summary>
public sealed record CheckContext(ApiPack Pack, StatusRow Row, ProbeRequest Request, ProbeResponse Response, ParsedBody Body, JsonSchema? Schema, string? SchemaPath)
{
    public int Status => Response.Status;

    public bool StatusExpected => Row.Expected.Contains(Response.Status);

    /// <summary><c>404 (Not Found – the doc's words)</c>, or <c>418 (not in the documentation)</c>.</summary>
    public string Describe(int status)
    {
        var code = status.ToString(CultureInfo.InvariantCulture);
        return Pack.Documented(status) is { } d ? $"{code} ({d.Meaning})" : $"{code} (not in the documentation)";
    }
}

/// <summary>The response body parsed once: JSON when it parses, else why not.</summary>
public sealed record ParsedBody(JsonElement? Json, string? ParseError, bool IsEmpty)
{
    public static ParsedBody From(ProbeResponse response)
    {
        if (response.Body.IsEmpty)
        {
            return new ParsedBody(null, null, true);
        }

        try
        {
            using var doc = JsonDocument.Parse(response.Body, new JsonDocumentOptions { MaxDepth = 256 });
            return new ParsedBody(doc.RootElement.Clone(), null, false);
        }
        catch (JsonException ex)
        {
            return new ParsedBody(null, ex.Message, false);
        }
    }
}
