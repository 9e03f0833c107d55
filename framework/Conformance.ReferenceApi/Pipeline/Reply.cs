using System.Text.Json.Nodes;

namespace Conformance.ReferenceApi.Pipeline;

/// <summary>A response as data: handlers build it, the fault plan bends it, the writer sends it.</summary>
internal sealed record Reply(int Status)
{
    private static readonly Dictionary<string, string> NoHeaders = [];

    public JsonNode? Json { get; init; }

    /// <summary>A non-JSON body (multipart, HTML); <see cref="ContentType"/> says what it is.</summary>
    public string? Text { get; init; }

    public string? ContentType { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = NoHeaders;

    /// <summary>The failure this reply reports, if any; faults use it to pick their targets.</summary>
    public Problem? Problem { get; init; }

    public static Reply Ok(JsonNode json, int status = 200) => new(status) { Json = json };

    public Reply WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { [name] = value } };

    public Reply WithoutHeader(string name)
    {
        var headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase);
        headers.Remove(name);
        return this with { Headers = headers };
    }

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
