using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Conformance.ReferenceApi.Pipeline;

/// <summary>Reads a request body that must be a JSON object: media type first, then syntax.</summary>
internal static class JsonBody
{
    public static async Task<(JsonObject? Body, Problem? Problem)> ReadAsync(HttpRequest request)
    {
        if (!IsJson(request.ContentType))
        {
            var form = request.HasFormContentType ? "form" : null;
            return (null, new Problem(ProblemKind.UnsupportedMediaType, Detail: form ?? request.ContentType ?? "none"));
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        try
        {
            return JsonNode.Parse(text) is JsonObject body
                ? (body, null)
                : (null, new Problem(ProblemKind.MalformedJson, Detail: "The body must be a JSON object."));
        }
        catch (JsonException e)
        {
            return (null, new Problem(ProblemKind.MalformedJson, Detail: e.Message));
        }
    }

    /// <summary>True for application/json and any +json media type.</summary>
    public static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    /// <summary>True when Accept is absent or admits JSON (*/*, application/*, application/json, +json).</summary>
    public static bool AcceptsJson(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        if (string.IsNullOrWhiteSpace(accept))
        {
            return true;
        }

        return MediaTypeHeaderValue.TryParseList([accept], out var types)
            && types.Any(t => t.MediaType is { } m
                && (m.Equals("*/*") || m.Equals("application/*") || m.Equals("application/json")
                    || t.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)));
    }
}
