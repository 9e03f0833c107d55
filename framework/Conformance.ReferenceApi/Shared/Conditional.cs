using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Conformance.ReferenceApi.Pipeline;
using Microsoft.Net.Http.Headers;

namespace Conformance.ReferenceApi.Shared;

/// <summary>Conditional GET (RFC 9110 §13): ETag and Last-Modified on 200, 304 without a body when unchanged.</summary>
internal static class Conditional
{
    public static Reply Respond(Call call, JsonNode body, DateTimeOffset lastModified)
    {
        var etag = ETagOf(body);
        var headers = call.Http.Request.GetTypedHeaders();
        var conditional = headers.IfNoneMatch.Count > 0 || headers.IfModifiedSince is not null;
        var unchanged = headers.IfNoneMatch.Count > 0
            ? headers.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false))
            : headers.IfModifiedSince is { } since && lastModified <= since;
        if (!conditional && call.Has(Faults.Unconditional304))
        {
            unchanged = true;
        }

        var reply = unchanged ? new Reply(304) : Reply.Ok(body);
        return reply.WithHeader(HeaderNames.ETag, etag.ToString())
            .WithHeader(HeaderNames.LastModified, lastModified.ToString("R", CultureInfo.InvariantCulture));
    }

    private static EntityTagHeaderValue ETagOf(JsonNode body)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(body.ToJsonString()));
        return new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(hash.AsSpan(0, 8))}\"");
    }
}
