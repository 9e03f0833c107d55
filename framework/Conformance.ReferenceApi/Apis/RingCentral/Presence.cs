using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.ReferenceApi.Pipeline;
using Conformance.ReferenceApi.Shared;

namespace Conformance.ReferenceApi.Apis.RingCentral;

/// <summary>
/// GET .../presence: the pack's rate-limited operation ("light" group, 5 requests per 1 s per client), with
/// RingCentral's X-Rate-Limit-* headers on every answer and Retry-After on the 429.
/// </summary>
internal sealed class Presence(TimeProvider time)
{
    private readonly RateGate presenceGate = new(5, TimeSpan.FromSeconds(1), time);

    public Reply Get(Call call)
    {
        var client = call.Http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var admitted = presenceGate.TryEnter(client, out var remaining);
        var reply = admitted ? Body(call, call.Route("extensionId")) : call.Fail(ProblemKind.RateLimited);
        reply = reply
            .WithHeader("X-Rate-Limit-Group", "light")
            .WithHeader("X-Rate-Limit-Limit", presenceGate.Limit.ToString(CultureInfo.InvariantCulture))
            .WithHeader("X-Rate-Limit-Remaining", remaining.ToString(CultureInfo.InvariantCulture))
            .WithHeader("X-Rate-Limit-Window", presenceGate.Window.TotalSeconds.ToString(CultureInfo.InvariantCulture));
        return admitted ? reply : reply.WithHeader("Retry-After", "1");
    }

    private static Reply Body(Call call, string id) => Extensions.Find(call, id) is null
        ? call.Fail(ProblemKind.NotFound, "extensionId")
        : Reply.Ok(new JsonObject
        {
            ["uri"] = call.Link($"/restapi/v1.0/account/~/extension/{id}/presence"),
            ["presenceStatus"] = "Available",
            ["telephonyStatus"] = "NoCall",
            ["dndStatus"] = "TakeAllCalls",
        });
}
