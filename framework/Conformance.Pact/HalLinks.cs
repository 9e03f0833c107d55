using System.Text;
using System.Text.Json;

namespace Conformance.Pact;

/// <summary>
/// The links a Pact Broker's JSON answer gives the verifier to follow, rewritten in place: the <c>href</c> values, at any
/// depth, of the <c>_links</c> of the answer's resource and of the resources embedded in it (<c>_embedded</c>, at any
/// depth). Nothing else is touched, byte for byte: not a pact's own content (<c>interactions</c>, <c>messages</c>,
/// <c>consumer</c>, <c>provider</c>, <c>metadata</c>), even where it quotes the broker's URL or holds <c>_links</c> of its own.
/// </summary>
internal static class HalLinks
{
    private enum Part
    {
        Resource,
        Links,
        Embedded,
        EmbeddedArray,
    }

    /// <summary>The answer with each link <paramref name="rewrite"/> changes replaced; as it came when it is not JSON.</summary>
    /// <param name="rewrite">The new href for an href, or null to keep it.</param>
    public static byte[] Rewrite(byte[] json, Func<string, string?> rewrite)
    {
        List<(int Start, int Length, string Href)> changes;
        try
        {
            changes = Find(json, rewrite);
        }
        catch (JsonException)
        {
            return json;
        }

        if (changes.Count == 0)
        {
            return json;
        }

        using var output = new MemoryStream(json.Length + (changes.Count * 32));
        var at = 0;
        foreach (var (start, length, href) in changes)
        {
            output.Write(json, at, start - at);
            output.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(href)));
            at = start + length;
        }

        output.Write(json, at, json.Length - at);
        return output.ToArray();
    }

    /// <summary>
    /// An absolute http(s) link on the forwarder's origin <paramref name="own"/>: the same path and query, whatever origin
    /// it named (the broker's, or another name of its); null for any other link (relative, a templated host, another
    /// scheme), which the verifier resolves against the forwarder's address anyway.
    /// </summary>
    public static string? OnForwarder(string href, string own)
    {
        var scheme = href.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0 || !(href[..scheme].Equals("http", StringComparison.OrdinalIgnoreCase) || href[..scheme].Equals("https", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var end = href.IndexOfAny(['/', '?', '#'], scheme + 3);
        var rest = end < 0 ? "/" : href[end..];
        return Uri.TryCreate(end < 0 ? href : href[..end], UriKind.Absolute, out var linked) && linked.Host.Length > 0
            ? own + (rest[0] == '/' ? rest : "/" + rest)
            : null;
    }

    private static List<(int Start, int Length, string Href)> Find(byte[] json, Func<string, string?> rewrite)
    {
        var changes = new List<(int Start, int Length, string Href)>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var parts = new Stack<Part>();
        var name = string.Empty;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    name = reader.GetString() ?? string.Empty;
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (Inner(parts, name, reader.TokenType == JsonTokenType.StartArray) is { } part)
                    {
                        parts.Push(part);
                    }
                    else
                    {
                        reader.Skip(); // not a link, nor a resource that holds any
                    }

                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    parts.Pop();
                    break;
                case JsonTokenType.String when name == "href" && parts.TryPeek(out var within) && within == Part.Links:
                    if (rewrite(reader.GetString()!) is { } href)
                    {
                        changes.Add(((int)reader.TokenStartIndex, reader.ValueSpan.Length + 2, href));
                    }

                    break;
            }
        }

        return changes;
    }

    /// <summary>What a container is, given the one it is in and its property name; null for one to pass over.</summary>
    private static Part? Inner(Stack<Part> parts, string name, bool array)
    {
        if (!parts.TryPeek(out var outer))
        {
            return array ? null : Part.Resource;
        }

        return outer switch
        {
            Part.Links => Part.Links,
            Part.Resource when name == "_links" => Part.Links,
            Part.Resource when name == "_embedded" && !array => Part.Embedded,
            Part.Embedded => array ? Part.EmbeddedArray : Part.Resource,
            Part.EmbeddedArray when !array => Part.Resource,
            _ => null,
        };
    }
}
